import { existsSync } from 'node:fs'

import { defineConfig, devices } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 8790)
const baseURL = `http://127.0.0.1:${PORT}`
export const SYNC_TOKEN_TTL_SECONDS = 30

// Debian's Chromium on CI and these machines (no browser downloads here); Playwright's own elsewhere.
const SYSTEM_CHROMIUM = '/usr/bin/chromium'
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined)

export default defineConfig({
  // The template's tests, and the workspace app's own (components/<app>/*.spec.ts).
  testDir: '.',
  testMatch: ['tests/e2e/**/*.spec.ts', 'components/**/*.spec.ts'],
  // examples/ holds apps that replace the demo: their specs run once they are in place.
  testIgnore: ['**/examples/**', '**/node_modules/**'],
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
      ],
    },
  },
  webServer: {
    // The OpenNext build served by workerd, on its own fresh local state so runs never see each other's data.
    // Sync tokens live 30 s here (5 min by default), so renewal happens again and again during the run.
    command: `node scripts/preview.mjs --port ${PORT} --persist-to .wrangler/e2e-state --fresh-state --sync-token-ttl ${SYNC_TOKEN_TTL_SECONDS}`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: process.env.E2E_SERVER_LOG ? 'pipe' : 'ignore',
    stderr: 'pipe',
  },
})
