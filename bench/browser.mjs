// `npm run bench:browser`: the browser benchmark (bench/browser/measure.mjs) on the preview build, with
// Chromium driven by Playwright: latency at 4 and 20 items/s (the chat: messages) in an empty workspace
// and in one of 10,000 events, the longest main-thread task per item added, a backlog of 1,000 events,
// cold open and warm reload. Prints one JSON object. Options: --skip-build (serve the existing .open-next build), --large N, --backlog N.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

import { chromium } from '@playwright/test'

import playwrightConfig from '../playwright.config.ts'
import { buildWorker } from '../scripts/build-worker.mjs'
import { previewServer } from '../tests/e2e/preview-server.ts'
import { runBrowserBench } from './browser/measure.mjs'

const { values } = parseArgs({
  options: {
    'skip-build': { type: 'boolean', default: false },
    large: { type: 'string', default: '10000' },
    backlog: { type: 'string', default: '1000' },
    latency: { type: 'string', default: '40' },
  },
})

const log = (line) => console.error(`[bench:browser] ${line}`)
if (!values['skip-build']) {
  log('building the preview (OpenNext)')
  buildWorker({ stdio: ['ignore', 2, 2] })
}
const server = previewServer({
  port: 8797,
  inspectorPort: 9247,
  persistTo: '.wrangler/bench-browser',
  syncTokenTtlSeconds: 300,
})
const profiles = []
const newProfile = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-browser-profile-'))
  const context = await chromium.launchPersistentContext(dir, {
    // The e2e suite's Chromium and flags (system Chromium when present, network kept to 127.0.0.1).
    ...playwrightConfig.use?.launchOptions,
    baseURL: server.baseURL,
  })
  profiles.push({ dir, context })
  return context
}
try {
  await server.start()
  const result = await runBrowserBench({
    newProfile,
    baseURL: server.baseURL,
    sizes: {
      latencyItems: Number(values.latency),
      backlog: Number(values.backlog),
      largeWorkspace: Number(values.large),
      sendCostItems: 20,
      // The median of three reloads of one build ranged 247-358 ms (10,000 events) from run to run.
      warmReloads: 7,
    },
    log,
  })
  console.log(JSON.stringify(result, null, 2))
} finally {
  for (const { dir, context } of profiles) {
    await context.close().catch(() => undefined)
    rmSync(dir, { recursive: true, force: true })
  }
  await server.kill()
}
