import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { setUpWorkspace } from './bench/browser/measure.mjs'
import { seedItems } from './bench/browser/seed-events.mjs'
import { previewServer } from './tests/e2e/preview-server.ts'

const server = previewServer({
  port: 8798,
  inspectorPort: 9248,
  persistTo: '.wrangler/dbg-reload',
  syncTokenTtlSeconds: 300,
})
const profiles = []
const newProfile = async () => {
  const c = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'dbgp-')), {
    baseURL: server.baseURL,
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
  })
  profiles.push(c)
  return c
}
await server.start()
try {
  const s = await setUpWorkspace({ newProfile, timeout: 60000 })
  const N = Number(process.env.N ?? 1000)
  const texts = await seedItems({
    baseURL: server.baseURL,
    storeId: s.storeId,
    workspaceId: s.workspaceId,
    token: (await s.syncTokenNow()).token,
    userId: s.userId,
    count: N,
    prefix: 'seed',
  })
  await s.bob.getByText(texts.at(-1), { exact: true }).waitFor({ timeout: 120000 })
  const cookies = await s.bobContext.cookies()
  const ctx = await newProfile()
  await ctx.addCookies(cookies)
  const page = ctx.pages()[0]
  const timing = () =>
    page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0]
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]
      return {
        origin: performance.timeOrigin,
        start: Math.round(n.startTime),
        fetch: Math.round(n.fetchStart),
        workerStart: Math.round(n.workerStart),
        reqStart: Math.round(n.requestStart),
        respStart: Math.round(n.responseStart),
        respEnd: Math.round(n.responseEnd),
        domInteractive: Math.round(n.domInteractive),
        fcp: fcp && Math.round(fcp.startTime),
        size: n.transferSize,
        body: n.decodedBodySize,
      }
    })
  for (let i = 0; i < 6; i++) {
    const t1 = Date.now()
    if (i === 0) await page.goto(s.workspaceUrl, { waitUntil: 'commit' })
    else await page.reload({ waitUntil: 'commit' })
    const tc = Date.now() - t1
    await page.getByText(texts.at(-1), { exact: true }).first().waitFor({ timeout: 120000 })
    const shown = Date.now() - t1
    await page.getByTestId('chat').waitFor({ timeout: 120000 })
    const ready = Date.now() - t1
    const tm = await timing()
    console.log(
      i === 0 ? 'cold' : 'warm',
      JSON.stringify({ unload: Math.round(tm.origin - t1), commit: tc, shown, ready, ...tm, origin: undefined }),
    )
    await page.waitForTimeout(1500)
  }
} finally {
  for (const p of profiles) await p.close().catch(() => {})
  await server.kill()
}
