import { initOpenNextCloudflareForDev } from '@opennextjs/cloudflare'
import type { NextConfig } from 'next'

import { securityHeaders } from './lib/security-headers'

const nextConfig: NextConfig = {
  // worker.ts, tests and configs are type-checked by `npm run typecheck` with their own tsconfig.
  typescript: { tsconfigPath: 'tsconfig.json' },
  // Next's dev server serves its dev resources to localhost only; the app is also opened as 127.0.0.1.
  allowedDevOrigins: ['127.0.0.1'],
  // Required at run time instead of compiled into each server layer: Turbopack put a copy of better-auth
  // (with zod, kysely, jose) into the route handlers, the pages and the server actions alike, ~0.5 MiB
  // gzipped of the Worker; wrangler bundles the one copy in node_modules instead.
  serverExternalPackages: ['better-auth', '@better-auth/core', 'kysely', 'zod', 'jose'],
  // LiveStore runs in the browser only: its packages are left out of the server build (see the stub).
  turbopack: {
    resolveAlias: Object.fromEntries(
      ['@livestore/livestore', '@livestore/react', '@livestore/adapter-web'].map((name) => [
        name,
        { browser: name, default: './lib/livestore/server-build-stub.cjs' },
      ]),
    ),
  },
  // Pages and API routes; static assets get the same from public/_headers.
  headers: async () => [
    { source: '/:path*', headers: securityHeaders({ dev: process.env.NODE_ENV === 'development' }) },
  ],
}

export default nextConfig

// Gives `next dev` the Cloudflare bindings (local D1 under .wrangler/) through getCloudflareContext().
// DEV_STATE_DIR (scripts/dev.mjs) puts it elsewhere, e.g. for the dev console test.
initOpenNextCloudflareForDev({
  environment: 'dev',
  ...(process.env.DEV_STATE_DIR ? { persist: { path: `${process.env.DEV_STATE_DIR}/v3` } } : {}),
})
