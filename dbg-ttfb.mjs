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
  await seedItems({
    baseURL: server.baseURL,
    storeId: s.storeId,
    workspaceId: s.workspaceId,
    token: (await s.syncTokenNow()).token,
    userId: s.userId,
    count: 1000,
    prefix: 'seed',
  })
  const cookie = (await s.bobContext.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
  for (const c of profiles) await c.close()
  const time = async (path) => {
    const ts = []
    for (let i = 0; i < 8; i++) {
      const t = performance.now()
      const r = await fetch(server.baseURL + path, { headers: { cookie }, redirect: 'manual' })
      const ttfb = performance.now() - t
      await r.arrayBuffer()
      ts.push([Math.round(ttfb), Math.round(performance.now() - t), r.status])
    }
    return ts.slice(2)
  }
  for (const p of ['/sign-in', `${s.workspaceUrl}/members`, s.workspaceUrl, `${s.workspaceUrl}/settings`])
    console.log(p, JSON.stringify(await time(p)))
} finally {
  for (const p of profiles) await p.close().catch(() => {})
  await server.kill()
}
