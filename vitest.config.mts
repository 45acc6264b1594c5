import { fileURLToPath } from 'node:url'

import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

const alias = { '@': fileURLToPath(new URL('.', import.meta.url)) }

export default defineConfig(async () => {
  const migrations = await readD1Migrations(fileURLToPath(new URL('./migrations', import.meta.url)))
  return {
    test: {
      projects: [
        {
          resolve: { alias },
          test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
        },
        {
          resolve: { alias },
          plugins: [
            cloudflareTest({
              // The sync side alone (worker.ts needs the OpenNext build); same bindings from wrangler.toml.
              main: './lib/sync/standalone-worker.ts',
              wrangler: { configPath: './wrangler.toml' },
              miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
            }),
          ],
          test: {
            name: 'worker',
            include: ['tests/worker/**/*.test.ts'],
            setupFiles: ['tests/worker/apply-migrations.ts'],
            // sync-cf logs every connection; show the logs of failing tests only.
            silent: 'passed-only',
          },
        },
      ],
    },
  }
})
