import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { setUpWorkspace } from './bench/browser/measure.mjs'
import { pushEvents, seedItems } from './bench/browser/seed-events.mjs'
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
  const token = (await s.syncTokenNow()).token
  for (const c of profiles) await c.close()
  for (let r = 0; r < 3; r++) {
    const t = performance.now()
    await seedItems({
      baseURL: server.baseURL,
      storeId: s.storeId,
      workspaceId: s.workspaceId,
      token,
      userId: s.userId,
      count: 1000,
      prefix: `seed${r}`,
    })
    const t2 = performance.now()
    await pushEvents({ baseURL: server.baseURL, storeId: s.storeId, workspaceId: s.workspaceId, token, events: [] })
    console.log('head read alone', Math.round(performance.now() - t2))
    console.log('1000 events pushed (10 pushes of 100) in', Math.round(t2 - t), 'ms, no browser open')
  }
} finally {
  for (const p of profiles) await p.close().catch(() => {})
  await server.kill()
}
