// The browser benchmark (bench/browser/measure.mjs) at smoke size: every measure runs end to end in
// Chromium against the suite's preview server, and what must hold whatever the speed holds. Speed
// itself is `npm run bench:browser`'s business, never asserted here.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { type BrowserContext, chromium } from '@playwright/test'
import { runBrowserBench } from '../../bench/browser/measure.mjs'
import { expect, test } from './fixtures'

test('browser benchmark, smoke size: every item arrives once, a backlog is pushed once, every measure reports', async ({
  baseURL,
}, testInfo) => {
  test.setTimeout(300_000)
  const profiles: Array<{ dir: string; context: BrowserContext }> = []
  // On-disk profiles, as people have: Playwright's default contexts keep OPFS in memory.
  const newProfile = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'e2e-bench-profile-'))
    const context = await chromium.launchPersistentContext(dir, {
      ...testInfo.project.use.launchOptions,
      baseURL,
    })
    profiles.push({ dir, context })
    return context
  }
  try {
    const result = await runBrowserBench({
      newProfile,
      baseURL: baseURL!,
      sizes: {
        latencyItems: 6,
        backlog: 250,
        largeWorkspace: 400,
        sendCostItems: 3,
        warmReloads: 2,
        timeoutMs: 60_000,
      },
    })
    for (const run of [
      result.latency.empty.at4PerSecond,
      result.latency.empty.at20PerSecond,
      result.latency.large.at4PerSecond,
      result.latency.large.at20PerSecond,
    ]) {
      expect(run.missing).toBe(0)
      expect(run.count).toBe(6)
      expect(run.p50).not.toBeNull()
    }
    expect(result.latency.large.eventsInWorkspace).toBeGreaterThanOrEqual(400)
    // The offline backlog reaches Bob whole, and each event is pushed exactly once: no batch pushed
    // again because a confirmation restarted the pusher under a push in flight (a LiveStore patch).
    expect(result.backlog.inBobsStore).toBe(250)
    expect(result.backlog.eventsPushed).toBe(250)
    expect(result.backlog.serverAheadAnswers).toBe(0)
    // The legs split the whole time, from going online until Bob's screen shows the last event.
    const backlogLegs = result.backlog.legsMs
    expect(backlogLegs).not.toBeNull()
    const backlogSum = Object.values(backlogLegs ?? {}).reduce((sum, ms) => sum + ms, 0)
    expect(Math.abs(backlogSum - result.backlog.msUntilOnScreen)).toBeLessThanOrEqual(1)
    // So do an open's: until the navigation starts, the server's first byte, the page showing the newest item.
    for (const open of [result.open.small, result.open.large]) {
      const legs = Object.values(open.coldLegsMs)
      expect(legs.every((ms) => ms !== null)).toBe(true)
      const sum = legs.reduce<number>((total, ms) => total + (ms ?? 0), 0)
      expect(Math.abs(sum - open.coldMs)).toBeLessThanOrEqual(2)
      expect(open.coldLegsMs.navigationToFirstByte).toBeGreaterThan(0)
      expect(Object.values(open.warmReloadMedianLegsMs).every((ms) => ms !== null)).toBe(true)
      // As many reloads the moment the page is ready (its leader still connecting), reported apart.
      expect(open.warmReloadAtReadyMs.count).toBe(2)
      expect(Object.values(open.warmReloadAtReadyMedianLegsMs).every((ms) => ms !== null)).toBe(true)
    }
    expect(result.open.small.coldMs).toBeGreaterThan(0)
    expect(result.open.large.events).toBeGreaterThanOrEqual(400)
    expect(result.open.large.warmReloadMs.count).toBe(2)
    // Shown (the server's preview counts) comes no later than ready for input (the live app).
    expect(result.open.small.coldReadyMs).toBeGreaterThanOrEqual(result.open.small.coldMs)
    expect(result.open.large.warmReadyMs.count).toBe(2)
    expect(result.calibrationMs.compute).toBeGreaterThan(0)
    expect(result.calibrationMs.memory).toBeGreaterThan(0)
    for (const sendCost of [result.sendCost.ownMachine, result.sendCost.sharedMachine]) {
      expect(sendCost.sends).toBe(3)
      expect(sendCost.longestTaskMs.max).toBeGreaterThan(0)
      // Thread time is part of the same task's wall time.
      expect(sendCost.longestTaskCpuMs.max).toBeGreaterThan(0)
      expect(sendCost.longestTaskCpuMs.max).toBeLessThanOrEqual(sendCost.longestTaskMs.max ?? 0)
      // Who used the machine's CPU during the sends (Linux reads /proc): the pages did, and so did the server.
      if (process.platform === 'linux') {
        const cpu = sendCost.cpuPerSendMs
        expect(cpu).not.toBeNull()
        expect(cpu?.byKindMs['browsers: pages (main threads)']).toBeGreaterThan(0)
        expect(cpu?.byKindMs['server (workerd, wrangler)']).toBeGreaterThan(0)
        expect(cpu?.totalMs).toBeGreaterThanOrEqual(cpu?.byKindMs['browsers: pages (main threads)'] ?? 0)
      } else {
        expect(sendCost.cpuPerSendMs).toBeNull()
      }
    }
    // On Linux, Bob's browser was lowered for the first measure (foreground.mjs; its unit test checks the rest).
    expect(result.sendCost.ownMachine.othersLowered !== null).toBe(process.platform === 'linux')
  } finally {
    for (const { dir, context } of profiles) {
      await context.close().catch(() => undefined)
      rmSync(dir, { recursive: true, force: true })
    }
  }
})
