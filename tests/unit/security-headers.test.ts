import { readFileSync } from 'node:fs'

import { describe, expect, test } from 'vitest'

import { assetHeadersFile, contentSecurityPolicy, securityHeaders, withSecurityHeaders } from '@/lib/security-headers'

describe('security headers', () => {
  test('public/_headers, served with static assets, is generated from lib/security-headers.ts', () => {
    // After changing the headers, regenerate it (Node 24 runs the .ts file as it is):
    // node -e "import('./lib/security-headers.ts').then((m) => process.stdout.write(m.assetHeadersFile()))" > public/_headers
    expect(readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8')).toBe(assetHeadersFile())
  })

  test('the production policy allows what the app runs and nothing from elsewhere', () => {
    const directives = new Map(
      contentSecurityPolicy({ dev: false })
        .split('; ')
        .map((directive) => {
          const [name, ...sources] = directive.split(' ')
          return [name, sources] as const
        }),
    )
    expect(directives.get('default-src')).toEqual(["'self'"])
    // LiveStore's SQLite is WebAssembly; no eval outside dev.
    expect(directives.get('script-src')).toContain("'wasm-unsafe-eval'")
    expect(directives.get('script-src')).not.toContain("'unsafe-eval'")
    expect(directives.get('connect-src')).toEqual(["'self'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(contentSecurityPolicy({ dev: true })).toContain("'unsafe-eval'")
  })

  test('every header has a value and none repeats', () => {
    const keys = securityHeaders({ dev: false }).map(({ key }) => key.toLowerCase())
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys).toEqual(
      expect.arrayContaining(['content-security-policy', 'referrer-policy', 'x-content-type-options']),
    )
  })

  test('the Worker adds what a response lacks, Strict-Transport-Security over https only, and leaves a 101 alone', () => {
    const refusal = () =>
      Response.json({ error: { code: 'bad_request' } }, { status: 400, headers: { 'X-Frame-Options': 'SAMEORIGIN' } })
    const overHttps = withSecurityHeaders(new Request('https://app.example/sync?storeId=x'), refusal())
    expect(overHttps.status).toBe(400)
    expect(overHttps.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains')
    expect(overHttps.headers.get('content-security-policy')).toBe(contentSecurityPolicy({ dev: false }))
    // A header the response set itself is kept.
    expect(overHttps.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    const overHttp = withSecurityHeaders(new Request('http://127.0.0.1:8788/sync'), refusal())
    expect(overHttp.headers.get('strict-transport-security')).toBeNull()
    expect(overHttp.headers.get('x-content-type-options')).toBe('nosniff')
    const upgrade = { status: 101, headers: new Headers() } as unknown as Response
    expect(withSecurityHeaders(new Request('https://app.example/sync'), upgrade)).toBe(upgrade)
  })
})
