import { readFileSync } from 'node:fs'
import { planWorkspaces, seedWorkspaces } from '../../bench/load/seed.mjs'
import { runSyncLoad } from '../../bench/load/sync-load.mjs'
import { expect, test } from './fixtures'
import { unique } from './helpers'

// A 10-second soak of the sync protocol against the e2e preview server (the OpenNext build on workerd):
// 10 protocol-level clients in 3 workspaces push items of the workspace app concurrently and pull live, rebasing on
// ServerAheadError as LiveStore does. Every acknowledged message must reach every other client of its
// workspace exactly once, in seqNum order, and the server log must hold it once. Correctness only:
// nothing here asserts on speed. `npm run load` is the full run (50 clients, 60 s, its own server).

/** playwright.config.ts's preview state: the running server reads memberships from its D1. */
const STATE_DIR = '.wrangler/e2e-state'

const devSecret = () => {
  const match = readFileSync('.dev.vars', 'utf8').match(/^BETTER_AUTH_SECRET=(.+)$/m)
  if (match?.[1] === undefined) throw new Error('.dev.vars has no BETTER_AUTH_SECRET')
  return match[1].trim()
}

test('sync under load: no message lost, duplicated or out of order', async ({ baseURL }) => {
  test.setTimeout(90_000)
  // Seeded while the server runs (a second wrangler process on the same local D1 files; the sync
  // route reads each membership on connect, so new rows are seen at once).
  const plan = planWorkspaces({ prefix: `load-${unique()}`, workspaces: 3, membersPerWorkspace: 4 })
  seedWorkspaces(STATE_DIR, plan)
  const workspaces = plan.map((workspace, i) => ({ ...workspace, clients: i === 0 ? 4 : 3 }))

  const result = await runSyncLoad({
    baseUrl: baseURL!,
    secret: devSecret(),
    workspaces,
    clientsPerWorkspace: 3,
    durationMs: 10_000,
    messagesPerSecond: 1,
    drainMs: 10_000,
  })
  test.info().annotations.push({ type: 'sync-load', description: JSON.stringify(result) })
  const { pushed, delivered, rebases, latencyMs } = result
  console.log(`[sync-load] ${JSON.stringify({ pushed, delivered, rebases, latencyMs })}`)

  expect(result.errorSamples).toEqual([])
  expect(result).toMatchObject({ lost: 0, duplicated: 0, outOfOrder: 0, errors: 0, refused: 0, unacknowledged: 0 })
  expect(result.config.clients).toBe(10)
  expect(result.pushed).toBeGreaterThan(0)
  expect(result.delivered).toBe(result.pushed)
  expect(result.verification).toMatchObject({
    missing: 0,
    duplicated: 0,
    storedUnacknowledged: 0,
    seqGaps: 0,
    failures: [],
  })
  expect(result.verification?.events).toBe(result.pushed)
})
