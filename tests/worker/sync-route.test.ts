import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

import { fixtures } from '../app-under-test.ts'
import { itemEvents, makeWorkspace, openSync, storedEvents, storedText } from './sync-client'

const eventLogTables = async (): Promise<string[]> => {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'eventlog_%' ORDER BY name",
  ).all<{ name: string }>()
  return results.map((row) => row.name)
}

describe('sync round trip through the Durable Object into D1', () => {
  it('stores pushed events in D1 and serves them, in order, to a second member', async () => {
    const ws = await makeWorkspace({ ann: 'owner', bob: 'member' })
    const writer = await ws.connect('ann')
    const texts = ['first', 'second', 'third']

    const exit = await writer.push(itemEvents(ws.userIds.ann!, texts))
    expect(exit?._tag).toBe('Success')

    const reader = await ws.connect('bob')
    const pulled = await reader.pullAll()
    expect(pulled.map((e) => e.seqNum)).toEqual([1, 2, 3])
    expect(pulled.map((e) => fixtures.textOf(e.args as Record<string, unknown>))).toEqual(texts)

    const rows = await storedEvents(ws.storeId)
    const itemName = fixtures.itemEvent({ id: 'x', text: 'x', userId: 'x', at: 0 }).name
    expect(rows.map((r) => [r.seqNum, r.parentSeqNum, r.name])).toEqual([
      [1, 0, itemName],
      [2, 1, itemName],
      [3, 2, itemName],
    ])
    expect(storedText(rows[0]!.args)).toBe('first')

    writer.close()
    reader.close()
  })

  it('keeps workspaces apart: one store’s events never show in another’s', async () => {
    const [one, two] = [await makeWorkspace({ ann: 'owner' }), await makeWorkspace({ ann: 'owner' })]
    const a = await one.connect('ann')
    expect((await a.push(itemEvents(one.userIds.ann!, ['only in one'])))?._tag).toBe('Success')
    const b = await two.connect('ann')
    expect(await b.pullAll()).toEqual([])
    expect(await storedEvents(one.storeId)).toHaveLength(1)
    a.close()
    b.close()
  })

  it('refuses a push that does not continue the log and stores nothing of it', async () => {
    const ws = await makeWorkspace({ ann: 'owner' })
    const client = await ws.connect('ann')
    expect((await client.push(itemEvents(ws.userIds.ann!, ['a'])))?._tag).toBe('Success')
    const stale = await client.push(itemEvents(ws.userIds.ann!, ['b'], { clientId: 'client-b' })) // parent 0, head 1
    expect(stale?._tag).toBe('Failure')
    expect(JSON.stringify(stale)).toContain('ServerAheadError')
    expect((await storedEvents(ws.storeId)).map((r) => r.clientId)).toEqual(['client-a'])
    client.close()
  })
})

describe('malformed sync requests get a clear 4xx and reach nothing', () => {
  const cases: Array<[string, Record<string, string>, RequestInit, number, string]> = [
    ['no storeId', { transport: 'ws' }, {}, 400, 'invalid_store_id'],
    ['an uppercase storeId', { storeId: 'Store-1', transport: 'ws' }, {}, 400, 'invalid_store_id'],
    [
      'a storeId with SQL in it',
      { storeId: 'x"; DROP TABLE store_metadata; --', transport: 'ws' },
      {},
      400,
      'invalid_store_id',
    ],
    ['a storeId over 64 characters', { storeId: 'a'.repeat(65), transport: 'ws' }, {}, 400, 'invalid_store_id'],
    ['an unknown transport', { storeId: 'store_ok', transport: 'carrier-pigeon' }, {}, 400, 'invalid_sync_request'],
    ['the HTTP transport', { storeId: 'store_ok', transport: 'http' }, {}, 400, 'unsupported_transport'],
    [
      'a payload that is not JSON',
      { storeId: 'store_ok', transport: 'ws', payload: '{nope' },
      {},
      400,
      'invalid_sync_request',
    ],
  ]

  it.each(cases)('%s', async (_label, params, init, status, code) => {
    const before = await eventLogTables()
    const response = await openSync(params, init)
    expect(response.status).toBe(status)
    expect(response.webSocket).toBeNull()
    const body = await response.json<{ error: { code: string; message: string } }>()
    expect(body.error.code).toBe(code)
    expect(body.error.message.length).toBeGreaterThan(0)
    expect(await eventLogTables()).toEqual(before)
  })

  it('a plain GET without the WebSocket upgrade is told to upgrade (426)', async () => {
    const response = await exportsFetch('/sync?storeId=store_ok&transport=ws')
    expect(response.status).toBe(426)
    expect((await response.json<{ error: { code: string } }>()).error.code).toBe('upgrade_required')
  })

  it('paths other than /sync are not served by the sync worker', async () => {
    expect((await exportsFetch('/anything')).status).toBe(404)
  })
})

describe('malformed frames on an open sync socket close it and store nothing', () => {
  const frames: Array<[string, (storeId: string) => string, string]> = [
    ['text that is not JSON', () => 'hello?', 'not JSON'],
    ['JSON that is not an RPC frame', () => JSON.stringify({ hello: 'world' }), 'unknown message type'],
    [
      'an unknown RPC',
      (s) => JSON.stringify({ _tag: 'Request', id: '1', tag: 'SyncWsRpc.Reset', payload: { storeId: s }, headers: [] }),
      'unknown request',
    ],
    [
      'a push naming another store',
      () =>
        JSON.stringify({
          _tag: 'Request',
          id: '1',
          tag: 'SyncWsRpc.Push',
          payload: { storeId: 'someone_else', batch: [], backendId: { _tag: 'None' } },
          headers: [],
        }),
      'storeId does not match',
    ],
    [
      'a request id that is not a number',
      (s) =>
        JSON.stringify({
          _tag: 'Request',
          id: 'head',
          tag: 'SyncWsRpc.Pull',
          payload: { storeId: s, cursor: { _tag: 'None' }, live: false },
          headers: [],
        }),
      'request id must be a decimal number',
    ],
    [
      'a push without a batch',
      (s) => JSON.stringify({ _tag: 'Request', id: '1', tag: 'SyncWsRpc.Push', payload: { storeId: s }, headers: [] }),
      'push without batch',
    ],
  ]

  it.each(frames)('%s', async (_label, frame, reason) => {
    const ws = await makeWorkspace({ ann: 'owner' })
    const storeId = ws.storeId
    const client = await ws.connect('ann')
    expect((await client.push(itemEvents(ws.userIds.ann!, ['before'])))?._tag).toBe('Success')

    client.sendRaw(frame(storeId))
    const closed = await client.waitForClose()
    expect(closed.code).toBe(1008)
    expect(closed.reason).toContain(reason)

    // What was stored before is intact, and nothing was added.
    expect((await storedEvents(storeId)).map((r) => r.seqNum)).toEqual([1])
    expect(await eventLogTables()).not.toContain('eventlog_7_someone_else')
    const again = await ws.connect('ann')
    expect((await again.pullAll()).map((e) => e.seqNum)).toEqual([1])
    again.close()
  })
})

describe('D1 migrations', () => {
  it('created the sync bookkeeping tables', async () => {
    const { results } = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('store_metadata', 'client_sessions') ORDER BY name",
    ).all<{ name: string }>()
    expect(results.map((r) => r.name)).toEqual(['client_sessions', 'store_metadata'])
  })
})

async function exportsFetch(path: string) {
  const { exports } = await import('cloudflare:workers')
  return exports.default.fetch(`http://sync.test${path}`)
}
