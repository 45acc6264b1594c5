import { runInDurableObject } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { PERSISTENCE_FORMAT_VERSION } from '@livestore/sync-cf/cf-worker'
import { describe, expect, it } from 'vitest'
import { MAX_BATCH_EVENTS, MAX_EVENT_BYTES } from '../../lib/livestore/event-rules'
import { EVENT_LOG_FORMAT_VERSION, eventLogTable } from '../../lib/sync/sync-metadata'
import { fixtures } from '../app-under-test.ts'
import {
  type EncodedEvent,
  encodedEvent,
  itemEvents,
  makeWorkspace,
  storedEvents,
  storedText,
  syncBackend,
  waitFor,
} from './sync-client'

/** Ends the object's instance, as a crash would: the next request starts a new one from storage. */
const restartObject = async (storeId: string) => {
  await runInDurableObject(syncBackend(storeId), (_instance, state) => {
    try {
      state.abort('restarted by the test')
    } catch {
      // abort() throws to end the current request.
    }
  }).catch(() => undefined)
}

describe('the Durable Object validates every pushed batch against the schema and the role', () => {
  const badBatches: Array<[string, (userId: string) => ReturnType<typeof itemEvents>, string]> = [
    ['an unknown event', (u) => [encodedEvent('v1.Teleported', { userId: u, at: 1 }, 1)], 'unknown event'],
    [
      'arguments that do not decode',
      (u) => {
        const { name, args } = fixtures.undecodableEvent(u).event
        return [encodedEvent(name, args, 1)]
      },
      fixtures.undecodableEvent('').reason,
    ],
    ['an item added in someone else’s name', () => itemEvents('somebody-else', ['impersonated']), 'names another user'],
    [
      'an oversized event',
      (u) => {
        const { name, args } = fixtures.itemEvent({ id: 'm1', text: 'x', userId: u, at: 1 })
        return [encodedEvent(name, { ...args, padding: 'p'.repeat(MAX_EVENT_BYTES) }, 1)]
      },
      `larger than ${MAX_EVENT_BYTES} bytes`,
    ],
    [
      'an oversized batch',
      (u) =>
        itemEvents(
          u,
          Array.from({ length: MAX_BATCH_EVENTS + 1 }, (_, i) => `m${i}`),
        ),
      `exceeds ${MAX_BATCH_EVENTS}`,
    ],
    [
      'a good batch with one bad event at the end',
      (u) => [...itemEvents(u, ['ok 1', 'ok 2']), encodedEvent('v1.Nope', {}, 3)],
      'event 2: unknown event',
    ],
    [
      'an event for managers from a plain member',
      (u) => {
        const { name, args } = fixtures.managerEvent({ id: 'general', userId: u, at: 1 })
        return [encodedEvent(name, args, 1)]
      },
      'not allowed to the member role',
    ],
  ]

  it.each(badBatches)('refuses %s with a clear error and stores nothing', async (_label, batchFor, reason) => {
    const ws = await makeWorkspace({ ann: 'owner', bob: 'member' })
    const before = await ws.connect('ann')
    expect((await before.push(itemEvents(ws.userIds.ann!, ['already there'])))?._tag).toBe('Success')

    const bob = await ws.connect('bob')
    const batch = batchFor(ws.userIds.bob!).map((event, index) => ({
      ...event,
      seqNum: index + 2,
      parentSeqNum: index + 1,
    }))
    // Refused with a close that says why (LiveStore would retry an RPC error silently forever).
    const closed = await bob.pushRefused(batch)
    expect(closed.code).toBe(4422)
    expect(closed.reason).toContain(reason)

    // What was stored before is intact and nothing of the batch was added.
    expect((await storedEvents(ws.storeId)).map((row) => [row.seqNum, storedText(row.args)])).toEqual([
      [1, 'already there'],
    ])
    // A new connection works for good events.
    const again = await ws.connect('bob')
    expect((await again.push(itemEvents(ws.userIds.bob!, ['fine'], { firstSeqNum: 2 })))?._tag).toBe('Success')
    before.close()
    again.close()
  })

  // Each event checks out alone; the batch does not follow on from one event to the next.
  const unchained: Array<[string, (events: ReturnType<typeof itemEvents>) => unknown[], string]> = [
    [
      'skips a number',
      ([a, b]) => [a, { ...b, seqNum: 4, parentSeqNum: 3 }],
      'parent 3 is not the event before it (2)',
    ],
    ['repeats a number', ([a, b]) => [a, { ...b, seqNum: 2, parentSeqNum: 1 }], 'parent 1 is not the event before it'],
    ['numbers an event apart from its parent', ([a]) => [{ ...a, seqNum: 5 }], 'seqNum 5 does not follow its parent 1'],
    ['numbers events with strings', ([a]) => [{ ...a, seqNum: '2' }], 'sequence numbers must be non-negative integers'],
  ]

  it.each(unchained)('refuses a batch that %s, and stores nothing of it', async (_label, reshape, reason) => {
    const ws = await makeWorkspace({ ann: 'owner' })
    const first = await ws.connect('ann')
    expect((await first.push(itemEvents(ws.userIds.ann!, ['already there'])))?._tag).toBe('Success')

    const client = await ws.connect('ann')
    const closed = await client.pushRefused(
      reshape(itemEvents(ws.userIds.ann!, ['second', 'third'], { firstSeqNum: 2 })) as EncodedEvent[],
    )
    expect(closed.code).toBe(4422)
    expect(closed.reason).toContain(reason)
    expect((await storedEvents(ws.storeId)).map((row) => [row.seqNum, storedText(row.args)])).toEqual([
      [1, 'already there'],
    ])
    // The same events, numbered as LiveStore numbers them, are stored.
    const again = await ws.connect('ann')
    const good = itemEvents(ws.userIds.ann!, ['second', 'third'], { firstSeqNum: 2 })
    expect((await again.push(good))?._tag).toBe('Success')
    expect((await storedEvents(ws.storeId)).map((row) => row.seqNum)).toEqual([1, 2, 3])
    first.close()
    again.close()
  })

  it('lets owners and admins commit the events for managers', async () => {
    const ws = await makeWorkspace({ ann: 'owner', ada: 'admin' })
    const ann = await ws.connect('ann')
    const ada = await ws.connect('ada')
    const u = ws.userIds
    const managerEvent = (userId: string, seqNum: number) => {
      const { name, args } = fixtures.managerEvent({ id: 'general', userId, at: seqNum })
      return encodedEvent(name, args, seqNum)
    }
    expect((await ann.push([managerEvent(u.ann!, 1)]))?._tag).toBe('Success')
    expect((await ada.push([managerEvent(u.ada!, 2)]))?._tag).toBe('Success')
    expect((await storedEvents(ws.storeId)).map((row) => row.seqNum)).toEqual([1, 2])
    ann.close()
    ada.close()
  })
})

describe('a full batch is stored whole', () => {
  it('appends the largest batch a push may carry, every event once and in order', async () => {
    const ws = await makeWorkspace({ ann: 'owner' })
    const client = await ws.connect('ann')
    const texts = Array.from({ length: MAX_BATCH_EVENTS }, (_, i) => `m${i + 1}`)
    // More events than one D1 INSERT may bind: sync-cf (patched) sends them as one D1 batch.
    expect((await client.push(itemEvents(ws.userIds.ann!, texts)))?._tag).toBe('Success')
    const stored = await storedEvents(ws.storeId)
    expect(stored.map((event) => event.seqNum)).toEqual(texts.map((_, i) => i + 1))
    expect(stored.map((event) => storedText(event.args))).toEqual(texts)
    client.close()
  })
})

describe('a restarted object takes its head from the event log', () => {
  // sync-cf appends a batch to D1, then records the new head in the object's own storage. An object that
  // dies between the two (a crash, an eviction, a killed dev server) comes back with a head behind the log.
  it('accepts the next events after the log got ahead of the recorded head', async () => {
    const ws = await makeWorkspace({ ann: 'owner' })
    const before = await ws.connect('ann')
    expect((await before.push(itemEvents(ws.userIds.ann!, ['one', 'two', 'three'])))?._tag).toBe('Success')
    before.close()

    // Events 4 and 5 reached D1; the object died before it recorded head 5.
    const createdAt = new Date().toISOString()
    const landed = itemEvents(ws.userIds.ann!, ['four', 'five'], { firstSeqNum: 4 })
    await env.DB.batch(
      landed.map((event) =>
        env.DB.prepare(
          `INSERT INTO "${eventLogTable(ws.storeId)}" (seqNum, parentSeqNum, args, name, createdAt, clientId, sessionId) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).bind(
          event.seqNum,
          event.parentSeqNum,
          JSON.stringify(event.args),
          event.name,
          createdAt,
          event.clientId,
          event.sessionId,
        ),
      ),
    )
    await restartObject(ws.storeId)

    // The browser pulls 4 and 5 as its own confirmed events, then pushes 6 on top of them.
    const after = await ws.connect('ann')
    expect((await after.pullAll()).map((event) => event.seqNum)).toEqual([1, 2, 3, 4, 5])
    expect((await after.push(itemEvents(ws.userIds.ann!, ['six'], { firstSeqNum: 6 })))?._tag).toBe('Success')
    // A push on the old head is told the server is ahead (not a failed insert, retried forever).
    const stale = await after.push(itemEvents(ws.userIds.ann!, ['four again'], { firstSeqNum: 4 }))
    expect(JSON.stringify(stale)).toContain('ServerAheadError')
    expect((await storedEvents(ws.storeId)).map((row) => [row.seqNum, storedText(row.args)])).toEqual([
      [1, 'one'],
      [2, 'two'],
      [3, 'three'],
      [4, 'four'],
      [5, 'five'],
      [6, 'six'],
    ])
    after.close()
  })
})

describe('STORE_METADATA follows the event log', () => {
  it('names the event-log format sync-cf writes', () => {
    expect(EVENT_LOG_FORMAT_VERSION).toBe(PERSISTENCE_FORMAT_VERSION)
  })

  it('is refreshed after pushes without moving the object alarm (the membership check keeps it)', async () => {
    const ws = await makeWorkspace({ ann: 'owner' })
    const client = await ws.connect('ann')
    const alarm = () =>
      runInDurableObject(
        syncBackend(ws.storeId),
        async (_instance, state) => (await state.storage.getAlarm()) ?? undefined,
      )
    // Set after the connection, a minute away.
    const membershipCheck = await waitFor(alarm)
    expect((await client.push(itemEvents(ws.userIds.ann!, ['one', 'two'])))?._tag).toBe('Success')
    expect((await client.push(itemEvents(ws.userIds.ann!, ['three'], { firstSeqNum: 3 })))?._tag).toBe('Success')
    await waitFor(async () => {
      const row = await env.DB.prepare('SELECT event_count FROM store_metadata WHERE store_id = ?')
        .bind(ws.storeId)
        .first<{ event_count: number }>()
      return row?.event_count === 3 ? true : undefined
    })
    expect(await alarm()).toBe(membershipCheck)
    client.close()
  })

  it('counts stored events and records the last sync time and format version', async () => {
    const ws = await makeWorkspace({ ann: 'owner' })
    const client = await ws.connect('ann')
    const startedAt = Date.now()
    expect((await client.push(itemEvents(ws.userIds.ann!, ['one', 'two'])))?._tag).toBe('Success')
    expect((await client.push(itemEvents(ws.userIds.ann!, ['three'], { firstSeqNum: 3 })))?._tag).toBe('Success')
    // A refused push changes nothing.
    const intruder = await ws.connect('ann')
    expect((await intruder.pushRefused(itemEvents('intruder', ['x'], { firstSeqNum: 4 }))).code).toBe(4422)

    const row = await waitFor(async () => {
      const found = await env.DB.prepare('SELECT * FROM store_metadata WHERE store_id = ?')
        .bind(ws.storeId)
        .first<{ store_id: string; event_count: number; last_sync_at: number; version: string }>()
      return found?.event_count === 3 ? found : undefined
    })
    expect(row.version).toBe('7')
    expect(row.last_sync_at).toBeGreaterThanOrEqual(startedAt - 1000)
    expect(row.last_sync_at).toBeLessThanOrEqual(Date.now())
    // The count is the rows stored, and the last sync the time the server gave the newest of them.
    const stored = await env.DB.prepare(
      `SELECT count(*) AS rows, max(createdAt) AS newest FROM "${eventLogTable(ws.storeId)}"`,
    ).first<{ rows: number; newest: string }>()
    expect(row.event_count).toBe(stored?.rows)
    expect(row.last_sync_at).toBe(Date.parse(stored?.newest ?? ''))
    client.close()
  })
})
