// The channel's window query (queries.ts, lib/livestore/reused-rows.ts) on a real store: the
// app's schema in LiveStore's in-memory adapter. Each send re-reads the window; rows already decoded and
// unchanged come back as the same objects instead of being decoded again, a changed row is decoded again,
// and a write that changes nothing in the window gives back the same result.
import { makeInMemoryAdapter } from '@livestore/adapter-web'
import { createStorePromise, type Store } from '@livestore/livestore'
import { afterEach, expect, test } from 'vitest'
import { events, schema } from '@/lib/livestore/schema'
import { latestMessagesIn$ } from './queries'

const stores: Store<typeof schema>[] = []
afterEach(async () => {
  for (const store of stores.splice(0)) await store.shutdownPromise()
})

const openStore = async () => {
  const store = await createStorePromise({ schema, storeId: `rows-${stores.length}`, adapter: makeInMemoryAdapter() })
  stores.push(store)
  return store
}

const userId = 'user-ann'
const at = (second: number) => new Date(Date.UTC(2026, 10, 27, 12, 0, second))

test('a send decodes one new row; the rows already shown are the same objects', async () => {
  const store = await openStore()
  store.commit(events.channelCreated({ id: 'general', name: 'general', userId, at: at(0) }))
  store.commit(events.channelCreated({ id: 'random', name: 'random', userId, at: at(0) }))
  for (let i = 1; i <= 3; i++) {
    store.commit(events.messageSent({ id: `m${i}`, channelId: 'general', text: `hello ${i}`, userId, at: at(i) }))
  }

  const results: (readonly { id: string; text: string; createdAt: Date }[])[] = []
  const unsubscribe = store.subscribe(latestMessagesIn$('general', 10), (rows) => results.push(rows))
  const first = results.at(-1) ?? []
  expect(first.map((row) => row.id)).toEqual(['m3', 'm2', 'm1'])
  expect(first[0]?.createdAt).toBeInstanceOf(Date)
  expect(first[0]?.createdAt.getTime()).toBe(at(3).getTime())

  store.commit(events.messageSent({ id: 'm4', channelId: 'general', text: 'hello 4', userId, at: at(4) }))
  const second = results.at(-1) ?? []
  expect(second.map((row) => row.id)).toEqual(['m4', 'm3', 'm2', 'm1'])
  // Not decoded again: the very rows of the previous read.
  expect(second.slice(1)).toEqual(first)
  for (const [index, row] of first.entries()) expect(second[index + 1]).toBe(row)

  // An edited row is decoded again; the others stay.
  store.commit(events.messageEdited({ id: 'm2', text: 'hello two', userId, at: at(5) }))
  const third = results.at(-1) ?? []
  expect(third.map((row) => row.text)).toEqual(['hello 4', 'hello 3', 'hello two', 'hello 1'])
  expect(third[2]).not.toBe(second[2])
  expect(third[1]).toBe(second[1])
  expect(third[3]).toBe(second[3])

  // A message in another channel writes the table and re-reads the window: the view gets the same result back
  // (LiveStore's useQuery compares it with what it shows before rendering).
  store.commit(events.messageSent({ id: 'r1', channelId: 'random', text: 'elsewhere', userId, at: at(6) }))
  expect(results.at(-1)).toBe(third)
  unsubscribe()
})
