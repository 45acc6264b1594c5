import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { Browser, BrowserContext, Page } from '@playwright/test'

import { recordedHeadTable } from '../../lib/sync/recorded-head'

import { expect, test } from './fixtures'

import {
  add,
  allItems,
  createWorkspace,
  items,
  joinAsMember,
  prepareApp,
  signUpAndVerify,
  syncStatus as status,
  unique,
} from './helpers'
import { type PreviewServer, previewServer } from './preview-server'

// Daily life for a sync connection: tabs that close, a server that restarts under someone typing, a long
// offline spell during which the sync token expires, signing out with other tabs open. This file runs its
// own preview server, so that it can kill and restart it; sync tokens live 30 s there.
test.describe.configure({ mode: 'serial' })

const TOKEN_TTL_SECONDS = 30
const PERSIST_TO = '.wrangler/e2e-lifecycle-state'
const id = unique()
const slug = `life-${id}`
let server: PreviewServer
let annContext: BrowserContext
let ann: Page
let bob: Page
/** Every item added so far, in order: each page must show exactly these, each once. */
const sent: string[] = []

const sendAll = async (page: Page, texts: string[]) => {
  for (const text of texts) {
    await add(page, text)
    sent.push(text)
  }
}

/** How long until `page` shows exactly every item added, each once (logged; bounded by the timeout). */
// The app may render a window of its newest items (the chat does): these compare all of them.
const deliveredWithin = async (page: Page, timeout: number) => {
  const from = Date.now()
  await expect.poll(() => allItems(page), { timeout }).toEqual(sent)
  return Date.now() - from
}

const openTab = async (context: BrowserContext) => {
  const page = await context.newPage()
  await page.goto(`/w/${slug}`)
  await expect(status(page)).toHaveAttribute('data-phase', 'synced')
  await deliveredWithin(page, 10_000)
  return page
}

/**
 * Closes the leader tab and waits until another tab's worker has taken over (its connection is open).
 * Events committed during the hand-over itself (about a second) can be lost in LiveStore 0.4.0
 * (livestorejs/livestore#954): README, "Connection lifecycle".
 */
const closeLeader = async (leader: Page, others: Page[]) => {
  const takenOver = Promise.race(others.map((page) => page.waitForEvent('websocket', { timeout: 20_000 })))
  await leader.close()
  await takenOver
  for (const page of others) await expect(status(page)).toHaveAttribute('data-phase', 'synced')
}

const countRenewals = (page: Page) =>
  page.evaluate(() => {
    const counter = window as unknown as { renewals: number }
    counter.renewals = 0
    new BroadcastChannel('livestore-sync-access').onmessage = (event) => {
      if (event.data?.type === 'renewed') counter.renewals++
    }
  })
const renewals = (page: Page) => page.evaluate(() => (window as unknown as { renewals: number }).renewals)

/**
 * With the server stopped, moves every store's recorded head (sync-cf's, in its Durable Object's storage)
 * `by` events back, leaving the D1 log as it is: the state an object leaves when it dies between storing
 * a batch and recording its head. Returns the heads it moved, per store.
 */
const rewindRecordedHeads = (persistTo: string, by: number) => {
  const objects = join(import.meta.dirname, '..', '..', persistTo, 'v3', 'do')
  const moved: Array<{ storeId: string; from: number; to: number }> = []
  for (const dir of readdirSync(objects).filter((name) => name.endsWith('-SyncBackendDO'))) {
    for (const file of readdirSync(join(objects, dir)).filter((name) => /^[0-9a-f]{64}\.sqlite$/.test(name))) {
      const db = new DatabaseSync(join(objects, dir, file))
      try {
        const hasTable = db
          .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
          .get(recordedHeadTable)
        if (hasTable === undefined) continue
        const rows = db.prepare(`SELECT storeId, currentHead FROM "${recordedHeadTable}"`).all()
        for (const { storeId, currentHead } of rows as Array<{ storeId: string; currentHead: number }>) {
          const to = Math.max(0, currentHead - by)
          db.prepare(`UPDATE "${recordedHeadTable}" SET currentHead = ? WHERE storeId = ?`).run(to, storeId)
          moved.push({ storeId, from: currentHead, to })
        }
      } finally {
        db.close()
      }
    }
  }
  return moved
}

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  test.setTimeout(240_000)
  server = previewServer({
    port: 8792,
    inspectorPort: 9242,
    persistTo: PERSIST_TO,
    syncTokenTtlSeconds: TOKEN_TTL_SECONDS,
  })
  await server.start()
  const baseURL = server.baseURL
  ann = await signUpAndVerify(browser, 'Ann', `ann-${id}@example.test`, 'ann password 1', { baseURL })
  annContext = ann.context()
  await createWorkspace(ann, `Life ${id}`, slug)
  bob = await joinAsMember(browser, ann, slug, 'Bob', `bob-${id}@example.test`, { baseURL })
  await ann.goto(`/w/${slug}`)
  await prepareApp(ann)
  await add(ann, 'Ann is here')
  sent.push('Ann is here')
  await expect(items(bob)).toHaveText(['Ann is here'])
  for (const page of [ann, bob]) await expect(status(page)).toHaveAttribute('data-phase', 'synced')
})

test.afterAll(async () => {
  await server?.kill()
})

test('the leader tab closes: the other tab keeps syncing both ways', async () => {
  // Ann's first tab holds the leader worker (it opened the store first).
  const second = await openTab(annContext)
  await sendAll(ann, ['from the first tab'])
  await deliveredWithin(bob, 10_000)

  await closeLeader(ann, [second])
  await sendAll(second, ['from the second tab, after the first closed'])
  await deliveredWithin(bob, 10_000)
  await sendAll(bob, ['Bob answers the second tab'])
  await deliveredWithin(second, 10_000)
  await expect(status(second)).toHaveAttribute('data-phase', 'synced')
  ann = second
})

test('a tab that is not the leader closes: the leader tab keeps syncing', async () => {
  const other = await openTab(annContext)
  await other.close()
  await sendAll(ann, ['after the other tab closed'])
  await deliveredWithin(bob, 10_000)
  await sendAll(bob, ['Bob still hears you'])
  await deliveredWithin(ann, 10_000)
  await expect(status(ann)).toHaveAttribute('data-phase', 'synced')
})

test('three tabs, the leader closes twice: the last tab syncs both ways', async () => {
  const second = await openTab(annContext)
  const third = await openTab(annContext)
  await closeLeader(ann, [second, third])
  await sendAll(third, ['three tabs, one leader gone'])
  await deliveredWithin(bob, 10_000)
  await deliveredWithin(second, 10_000)
  await closeLeader(second, [third])
  await sendAll(third, ['three tabs, two leaders gone'])
  await deliveredWithin(bob, 10_000)
  await sendAll(bob, ['Bob reaches the last tab'])
  await deliveredWithin(third, 10_000)
  await expect(status(third)).toHaveAttribute('data-phase', 'synced')
  ann = third
})

test('the leader tab closes while Bob sends: the other tab gets every message once and keeps syncing', async () => {
  test.setTimeout(180_000)
  // A leader hands events on to its tabs before it writes them. Closed in between, it leaves the other tab
  // ahead of the store on disk, and the next leader hands those events on again: unpatched, that tab's
  // store stopped (LiveStore patch 27). Closing at several points of a burst meets that moment now and
  // then: 2 of 12 rounds without the patch, and 1–3 of 12 dropped events already had with it (dbg runs). The
  // deterministic test is tests/unit/leader-hand-over.test.ts; this one is the browser's whole path.
  let dropped = 0
  for (const [round, closeAfterMs] of [150, 450, 750, 1_050].entries()) {
    const next = await openTab(annContext)
    next.on('console', (message) => {
      if (message.text().includes('dropped events the session already has')) dropped++
    })
    const burst = Array.from({ length: 25 }, (_, n) => `hand-over ${round + 1}.${n + 1}`)
    const sending = (async () => {
      for (const text of burst) {
        await add(bob, text)
        sent.push(text)
        await bob.waitForTimeout(40)
      }
    })()
    await ann.waitForTimeout(closeAfterMs)
    await closeLeader(ann, [next])
    await sending
    await deliveredWithin(next, 15_000)
    await sendAll(next, [`the tab after hand-over ${round + 1}`])
    await deliveredWithin(bob, 10_000)
    ann = next
  }
  console.log(`hand-over under traffic: 4 rounds, ${dropped} in which the tab dropped events it already had`)
})

test('the server is killed and restarted while Ann types: everything arrives once, soon after it is back', async () => {
  test.setTimeout(180_000)
  const burst = Array.from({ length: 120 }, (_, n) => `burst ${n + 1}`)
  const typing = (async () => {
    for (const text of burst) {
      await add(ann, text)
      sent.push(text)
      await ann.waitForTimeout(50)
    }
  })()
  // Two seconds in, the server dies (every open socket with it) and comes back on the same state.
  await ann.waitForTimeout(2_000)
  await server.kill()
  // While it is down nobody may be told "Synced".
  await expect(status(ann)).toHaveAttribute('data-phase', 'connecting')
  await expect(status(bob)).toHaveAttribute('data-phase', 'connecting')
  await server.start()
  // What Ann typed while the server was down reaches Bob soon after it is back.
  const backAt = Date.now()
  const pendingAtBack = [...sent]
  await expect
    .poll(async () => (await allItems(bob)).slice(0, pendingAtBack.length), { timeout: 30_000 })
    .toEqual(pendingAtBack)
  const sinceBack = Date.now() - backAt
  console.log(
    `restart mid-burst: Bob had the ${pendingAtBack.length} items added so far ${sinceBack} ms after the server was back`,
  )
  test.info().annotations.push({ type: 'restart → pending delivered (ms)', description: String(sinceBack) })
  await typing
  await deliveredWithin(bob, 30_000)
  await expect(status(ann)).toHaveAttribute('data-phase', 'synced')
  // Exactly once, also as the server stored them.
  await bob.reload()
  await deliveredWithin(bob, 10_000)
})

test('the server dies after storing a batch, before recording its head: the next messages sync once', async () => {
  test.setTimeout(120_000)
  await sendAll(ann, ['before the lost head 1', 'before the lost head 2', 'before the lost head 3'])
  await deliveredWithin(bob, 30_000)
  await expect(status(ann)).toHaveAttribute('data-phase', 'synced')
  await server.kill()
  // sync-cf stores a batch in D1, then its head in the object's storage: the object died in between.
  const moved = rewindRecordedHeads(PERSIST_TO, 3)
  expect(moved).toHaveLength(1)
  expect(moved[0]!.from - moved[0]!.to).toBe(3)
  await server.start()
  // Ann's next messages build on the log's real end; the server must take them (it refused them all before).
  await sendAll(ann, ['after the lost head 1', 'after the lost head 2', 'after the lost head 3'])
  await deliveredWithin(bob, 30_000)
  await expect(status(ann)).toHaveAttribute('data-phase', 'synced')
  await bob.reload()
  await deliveredWithin(bob, 10_000)
})

/**
 * Records the tag of every request the page posts to its workers (LiveStore's worker protocol encodes a
 * request as an object with a `_tag`), in `window.workerRequests`.
 */
const recordWorkerRequests = () => {
  const requests: string[] = []
  ;(window as unknown as { workerRequests: string[] }).workerRequests = requests
  const post = MessagePort.prototype.postMessage as (this: MessagePort, ...args: unknown[]) => void
  MessagePort.prototype.postMessage = function (this: MessagePort, ...args: unknown[]) {
    try {
      for (const [, tag] of JSON.stringify(args[0]).matchAll(/"_tag":"(\w+)"/g)) requests.push(tag as string)
    } catch {
      // Not JSON (a BigInt): not a request of interest.
    }
    return post.apply(this, args)
  } as typeof MessagePort.prototype.postMessage
}

test('offline for a minute with 300 pending events and an expired token: all arrive once when back', async () => {
  test.setTimeout(240_000)
  // The status counts the leader's pending events from its summary (LiveStore patch 20): following its
  // whole state sent all 300 across the workers again on each change.
  await annContext.addInitScript(recordWorkerRequests)
  await ann.reload()
  await expect(status(ann)).toHaveAttribute('data-phase', 'synced')
  await countRenewals(ann)
  const offlineAt = Date.now()
  await annContext.setOffline(true)
  await expect(status(ann)).toHaveAttribute('data-phase', 'offline')
  const backlog = Array.from({ length: 300 }, (_, n) => `offline ${n + 1}`)
  await sendAll(ann, backlog)
  await expect(ann.getByTestId('sync-pending')).toHaveText('300 not yet synced')
  // A minute offline: longer than the token lives, longer than LiveStore's own backoff would wait.
  await ann.waitForTimeout(Math.max(0, 60_000 - (Date.now() - offlineAt)))
  expect(await allItems(bob)).toHaveLength(sent.length - backlog.length)
  await expect(status(ann)).toHaveAttribute('data-phase', 'offline')

  const onlineAt = Date.now()
  await annContext.setOffline(false)
  await deliveredWithin(bob, 30_000)
  const ms = Date.now() - onlineAt
  console.log(`offline 60 s with 300 pending: Bob had all of them ${ms} ms after Ann was back online`)
  test.info().annotations.push({ type: 'online → 300 delivered (ms)', description: String(ms) })
  await expect(status(ann)).toHaveAttribute('data-phase', 'synced')
  // The token the connection had expired while offline: reconnecting took a renewed one.
  expect(await renewals(ann)).toBeGreaterThan(0)
  const requests = await ann.evaluate(() => (window as unknown as { workerRequests: string[] }).workerRequests)
  expect(requests).toContain('SyncSummaryStream')
  expect(requests.filter((tag) => tag === 'SyncStateStream' || tag === 'GetLeaderSyncState')).toEqual([])
  await bob.reload()
  // After a reload too: the newest item is there, and all of them once.
  await expect(items(bob).last()).toHaveText(sent.at(-1)!)
  await deliveredWithin(bob, 10_000)
})

test('signing out in a tab that is not the leader closes the workspace in every tab and deletes the local stores', async () => {
  const other = await openTab(annContext)
  // Ann's tab runs the leader worker (a dedicated worker of its page); the new tab's store goes through it.
  expect(ann.workers().length).toBeGreaterThan(0)
  expect(other.workers()).toHaveLength(0)
  // LiveStore's shutdown never finishes in such a tab: the button stayed at "Signing out…".
  await other.getByRole('button', { name: 'Sign out' }).click()
  await expect(other).toHaveURL(/\/sign-in$/)
  await expect(ann).toHaveURL(/\/sign-in$/)
  const localStores = await other.evaluate(async () => {
    const names: string[] = []
    const root = await navigator.storage.getDirectory()
    for await (const [name] of (root as unknown as { entries(): AsyncIterable<[string]> }).entries()) {
      if (name.startsWith('livestore-')) names.push(name)
    }
    return names
  })
  expect(localStores).toEqual([])
  // Bob, elsewhere, is not affected.
  await sendAll(bob, ['Bob is still here'])
  await expect(status(bob)).toHaveAttribute('data-phase', 'synced')
})
