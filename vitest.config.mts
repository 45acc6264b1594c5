import { readdirSync } from 'node:fs'
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'

import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

const alias = { '@': fileURLToPath(new URL('.', import.meta.url)) }

export default defineConfig(async () => {
  const migrations = await readD1Migrations(fileURLToPath(new URL('./migrations', import.meta.url)))

  // Tests inside workerd with the real D1 and Durable Object bindings of wrangler.toml. The worker under
  // test is the sync side alone (worker.ts needs the OpenNext build).
  // Each test file runs in a workerd of its own: with two files in one runner, the second file's start
  // failed with "WebSocket protocol error: Message is too large" between vitest and workerd.
  const workerProject = (name: string, include: string[]) => ({
    resolve: { alias },
    plugins: [
      cloudflareTest({
        main: './lib/sync/standalone-worker.ts',
        wrangler: { configPath: './wrangler.toml' },
        // A fixed secret: .dev.vars does not exist on a fresh clone before anything has run.
        miniflare: {
          bindings: { TEST_MIGRATIONS: migrations, BETTER_AUTH_SECRET: 'workerd-test-secret-0123456789abcdef' },
        },
      }),
    ],
    test: {
      name,
      include,
      setupFiles: ['tests/worker/apply-migrations.ts'],
      // sync-cf and better-auth log every refusal; show the logs of failing tests only.
      silent: 'passed-only' as const,
    },
  })

  return {
    test: {
      projects: [
        {
          resolve: { alias },
          test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'components/**/*.test.ts'], environment: 'node' },
        },
        ...readdirSync(fileURLToPath(new URL('./tests/worker', import.meta.url)))
          .filter((file) => file.endsWith('.test.ts'))
          .map((file) => workerProject(`worker:${basename(file, '.test.ts')}`, [`tests/worker/${file}`])),
      ],
    },
  }
})
