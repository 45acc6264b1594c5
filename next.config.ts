import { initOpenNextCloudflareForDev } from '@opennextjs/cloudflare'
import type { NextConfig } from 'next'

import { securityHeaders } from './lib/security-headers'

const nextConfig: NextConfig = {
  // worker.ts, tests and configs are type-checked by `npm run typecheck` with their own tsconfig.
  typescript: { tsconfigPath: 'tsconfig.json' },
  // Next's dev server serves its dev resources to localhost only; the app is also opened as 127.0.0.1.
  allowedDevOrigins: ['127.0.0.1'],
  // Pages and API routes; static assets get the same from public/_headers.
  headers: async () => [
    { source: '/:path*', headers: securityHeaders({ dev: process.env.NODE_ENV === 'development' }) },
  ],
}

export default nextConfig

// Gives `next dev` the Cloudflare bindings (local D1 under .wrangler/) through getCloudflareContext().
initOpenNextCloudflareForDev({ environment: 'dev' })
