import { readFileSync } from 'node:fs'

import { describe, expect, test } from 'vitest'

import { assetHeadersFile, contentSecurityPolicy, securityHeaders } from '@/lib/security-headers'

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
})
