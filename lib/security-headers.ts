// The security headers of every response: pages and API routes get them from next.config.ts, static
// assets (scripts, the LiveStore workers, WebAssembly) from public/_headers, which a unit test keeps
// equal to this list, and the Worker adds Strict-Transport-Security to responses served over https.

type Header = { key: string; value: string }

/**
 * The Content-Security-Policy. Scripts: Next's App Router streams its payload in inline scripts, so
 * 'unsafe-inline' stays until nonces are worth making every page dynamic (README, "Security headers").
 * LiveStore's SQLite is WebAssembly ('wasm-unsafe-eval') run in same-origin workers; its sync socket
 * is same-origin ('self' covers ws: and wss: of this host). Dev adds what Next's dev server needs.
 */
export const contentSecurityPolicy = ({ dev }: { dev: boolean }) =>
  [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')

export const securityHeaders = ({ dev }: { dev: boolean }): Header[] => [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy({ dev }) },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
]

/** Two years, subdomains included: sent over https only (browsers ignore it on http anyway). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains'

const PRODUCTION_HEADERS = securityHeaders({ dev: false })

/**
 * What worker.ts does to every response it makes: the security headers a response lacks (pages already
 * have them from next.config.ts; the sync route's refusals get them here), and over https
 * Strict-Transport-Security. A socket's 101 is passed through as it is.
 */
export const withSecurityHeaders = (request: Request, response: Response) => {
  if (response.status === 101) return response
  const secured = new Response(response.body, response)
  for (const { key, value } of PRODUCTION_HEADERS) if (!secured.headers.has(key)) secured.headers.set(key, value)
  if (new URL(request.url).protocol === 'https:')
    secured.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY)
  return secured
}

/** public/_headers for Workers static assets: every path, the production headers. */
export const assetHeadersFile = () =>
  `# Generated from lib/security-headers.ts (tests/unit/security-headers.test.ts keeps it equal).\n/*\n${securityHeaders(
    { dev: false },
  )
    .map(({ key, value }) => `  ${key}: ${value}`)
    .join('\n')}\n`
