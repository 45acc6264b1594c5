import { initOpenNextCloudflareForDev } from '@opennextjs/cloudflare'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // worker.ts, tests and configs are type-checked by `npm run typecheck` with their own tsconfig.
  typescript: { tsconfigPath: 'tsconfig.json' },
}

export default nextConfig

// Gives `next dev` the Cloudflare bindings (local D1 under .wrangler/) through getCloudflareContext().
initOpenNextCloudflareForDev()
