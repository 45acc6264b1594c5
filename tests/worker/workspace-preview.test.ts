// The workspace page's server-built first view (lib/workspace-preview.ts) in workerd with real D1: folded
// from the event log sync-cf writes, only the new events on the next load, a large log over several
// loads, rows it cannot read skipped, and a log that was dropped and started again folded anew.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

import { eventLogHead, eventLogTable } from '../../lib/sync/sync-metadata'
import { type AppEvent, definePreview, previewView } from '../../lib/workspace-preview'
import { fixtures } from '../app-under-test.ts'
import { itemEvents, makeWorkspace, waitFor } from './sync-client'

const NoMarkup = () => null

/** A preview that lists item texts in log order and counts the events it was given. */
const textsPreview = () => {
  const seen: AppEvent[] = []
  const preview = definePreview({
    initial: () => ({ texts: [] as unknown[] }),
    apply: (state, event) => {
      seen.push(event)
      const text = fixtures.textOf(event.args)
      if (text !== undefined) state.texts.push(text)
    },
    view: (state) => state.texts.slice(),
    Preview: NoMarkup,
  })
  return { preview, seen }
}

const texts = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`)

/** A workspace whose log holds `count` items pushed by Ann through sync-cf. */
const workspaceWithItems = async (prefix: string, count: number) => {
  const workspace = await makeWorkspace({ ann: 'owner' })
  const ann = await workspace.connect('ann')
  const pushed = await ann.push(itemEvents(workspace.userIds.ann!, texts(prefix, count)))
  expect(pushed as unknown).toMatchObject({ _tag: 'Success' })
  ann.close()
  return workspace
}

describe('the workspace preview', () => {
  it('folds what sync-cf stored, then only what was pushed since', async () => {
    const { storeId, userIds, connect } = await makeWorkspace({ ann: 'owner' })
    const { preview, seen } = textsPreview()
    // No log yet (nobody has synced): nothing to show.
    expect(await previewView(env.DB, storeId, preview)).toBeUndefined()

    const ann = await connect('ann')
    expect((await ann.push(itemEvents(userIds.ann!, texts('first', 5)))) as unknown).toMatchObject({ _tag: 'Success' })
    expect(await waitFor(async () => previewView(env.DB, storeId, preview))).toEqual({
      view: texts('first', 5),
      head: 5,
    })
    const folded = seen.length

    expect((await ann.push(itemEvents(userIds.ann!, texts('second', 3), { firstSeqNum: 6 }))) as unknown).toMatchObject(
      { _tag: 'Success' },
    )
    expect(await previewView(env.DB, storeId, preview)).toEqual({
      view: [...texts('first', 5), ...texts('second', 3)],
      head: 8,
    })
    expect(seen.length - folded).toBe(3)
    ann.close()
  })

  it('folds a log larger than one load allows over several loads, and skips rows it cannot read', async () => {
    const { storeId } = await workspaceWithItems('item', 8)
    const { preview } = textsPreview()
    const limits = { pageSize: 3, pagesPerLoad: 2, cachedStores: 64, cachedEvents: 200_000 }
    // 8 events, 6 per load: the first load has not reached the head and shows nothing.
    expect(await previewView(env.DB, storeId, preview, limits)).toBeUndefined()
    expect(await previewView(env.DB, storeId, preview, limits)).toEqual({ view: texts('item', 8), head: 8 })

    // A row whose arguments are not a JSON object is skipped, not fatal (sync-cf only writes valid ones).
    const table = eventLogTable(storeId)
    await env.DB.prepare(
      `INSERT INTO "${table}" (seqNum, parentSeqNum, name, args, createdAt, clientId, sessionId) VALUES (9, 8, 'v1.X', 'not json', '', 'c', 's'), (10, 9, 'v1.X', '[1]', '', 'c', 's')`,
    ).run()
    expect(await previewView(env.DB, storeId, preview, limits)).toEqual({ view: texts('item', 8), head: 10 })
  })

  it("reads the server's head: 0 for a store nobody has synced, else its newest event", async () => {
    const { storeId } = await makeWorkspace({ ann: 'owner' })
    expect(await eventLogHead(env.DB, storeId)).toBe(0)
    const synced = await workspaceWithItems('item', 5)
    expect(await eventLogHead(env.DB, synced.storeId)).toBe(5)
  })

  it('folds anew when the log was dropped and is shorter than what was folded', async () => {
    const { storeId, userIds } = await workspaceWithItems('old', 4)
    const { preview } = textsPreview()
    expect(await previewView(env.DB, storeId, preview)).toEqual({ view: texts('old', 4), head: 4 })

    // Dropped and written again before the next load: its head (1) is behind what was folded (4).
    await env.DB.prepare(`DROP TABLE "${eventLogTable(storeId)}"`).run()
    await env.DB.prepare(
      `CREATE TABLE "${eventLogTable(storeId)}" (seqNum INTEGER PRIMARY KEY, parentSeqNum INTEGER, name TEXT, args TEXT, createdAt TEXT, clientId TEXT, sessionId TEXT)`,
    ).run()
    const [event] = itemEvents(userIds.ann!, ['new 1'])
    await env.DB.prepare(
      `INSERT INTO "${eventLogTable(storeId)}" (seqNum, parentSeqNum, name, args, createdAt, clientId, sessionId) VALUES (1, 0, ?, ?, '', 'c', 's')`,
    )
      .bind(event!.name, JSON.stringify(event!.args))
      .run()
    expect(await previewView(env.DB, storeId, preview)).toEqual({ view: ['new 1'], head: 1 })
  })

  it('keeps folds of a bounded number of events, dropping the least recently used store', async () => {
    const a = await workspaceWithItems('item', 8)
    const b = await workspaceWithItems('item', 8)
    const { preview, seen } = textsPreview()
    const limits = { pageSize: 2_000, pagesPerLoad: 25, cachedStores: 64, cachedEvents: 10 }
    await previewView(env.DB, a.storeId, preview, limits)
    await previewView(env.DB, a.storeId, preview, limits)
    expect(seen).toHaveLength(8) // the second load folded nothing new
    await previewView(env.DB, b.storeId, preview, limits) // 16 events cached > 10: store a is dropped
    expect(seen).toHaveLength(16)
    expect(await previewView(env.DB, a.storeId, preview, limits)).toEqual({ view: texts('item', 8), head: 8 })
    expect(seen).toHaveLength(24)
  })
})
