// LiveStore patch 17 (scripts/patch-livestore.mjs): a tab applies the events its leader hands on. For
// events of other clients it records no SQLite changeset (nothing can roll them back: the leader only
// rolls back its own client's events, not yet in the server's order) and opens no tracing span per
// event. Unpatched, a tab took each event from the server with a changeset and a span of its own: of
// its ~0.7 ms per event in the browser, about half. A real store (LiveStore's in-memory adapter, its
// leader in this thread) syncing with the memory backend of leader-harness.ts. Patch 19 does the same for
// the leader: no span per event it writes, none per SQL statement (last test).
import { makeInMemoryAdapter } from '@livestore/adapter-web'
import { createStorePromise, type Store, StoreInternalsSymbol } from '@livestore/livestore'
import { makeNoopTracer } from '@livestore/utils'
import { Effect } from '@livestore/utils/effect'
import type * as otel from '@opentelemetry/api'
import { afterEach, expect, test } from 'vitest'

import { makeMemoryBackend, notesApp } from './leader-harness'

const { events, schema } = notesApp

/** LiveStore's own no-op tracer (the default), recording the name of every span started through it. */
const recordingTracer = () => {
  const names: string[] = []
  const noop = makeNoopTracer()
  const tracer: otel.Tracer = {
    startSpan: (name, options, context) => {
      names.push(name)
      return noop.startSpan(name, options, context)
    },
    startActiveSpan: ((name: string, ...rest: unknown[]) => {
      names.push(name)
      return (noop.startActiveSpan as (...args: unknown[]) => unknown)(name, ...rest)
    }) as otel.Tracer['startActiveSpan'],
  }
  return { tracer, names }
}

const stores: Store<typeof schema>[] = []
afterEach(async () => {
  for (const store of stores.splice(0)) await store.shutdownPromise()
})

const openStore = async () => {
  const memory = await Effect.runPromise(makeMemoryBackend)
  const { tracer, names } = recordingTracer()
  const store = await createStorePromise({
    schema,
    storeId: `session-${stores.length}`,
    adapter: makeInMemoryAdapter({ sync: { backend: () => Effect.succeed(memory.backend) } }),
    otelOptions: { tracer },
  })
  stores.push(store)
  // Every changeset the tab records opens a SQLite session on its database (the wrapper's private db).
  const { db } = store[StoreInternalsSymbol].sqliteDbWrapper as unknown as { db: { session: () => unknown } }
  const openSession = db.session.bind(db)
  let sessions = 0
  db.session = () => {
    sessions++
    return openSession()
  }
  const ids = () =>
    (store.query({ query: 'SELECT id FROM notes ORDER BY id', bindValues: {} }) as Array<{ id: string }>).map(
      (row) => row.id,
    )
  return { store, memory, names, sessions: () => sessions, ids }
}

const until = async (what: string, done: () => boolean) => {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 5_000) throw new Error(`${what}: not within 5 s`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

const materializeSpan = 'client-session-sync-processor:materialize-event'

test('events of other clients are applied without a changeset or a span each', async () => {
  const { memory, names, sessions, ids } = await openStore()
  const before = { spans: names.filter((name) => name === materializeSpan).length, sessions: sessions() }
  const remote = Array.from({ length: 200 }, (_, i) => `remote-${String(i).padStart(3, '0')}`)
  await Effect.runPromise(memory.inject(remote.map((id) => events.noteAdded({ id }))))
  await until('the tab shows the 200 events', () => ids().length === 200)
  expect(ids()).toEqual(remote)
  expect(sessions() - before.sessions).toBe(0)
  expect(names.filter((name) => name === materializeSpan).length - before.spans).toBe(0)
})

test('the tab’s own events keep their changesets, and a rebase behind remote events rolls them back', async () => {
  const { store, memory, sessions, ids } = await openStore()
  // Ann's tab commits while the server already holds events she has not pulled: her leader's push is
  // refused, it pulls, rebases her events after the remote ones, and the tab rolls its own back and
  // applies them again on top.
  await Effect.runPromise(memory.inject([events.noteAdded({ id: 'remote-1' }), events.noteAdded({ id: 'remote-2' })]))
  const wrapper = store[StoreInternalsSymbol].sqliteDbWrapper
  const rollBack = wrapper.rollback.bind(wrapper)
  let rollbacks = 0
  wrapper.rollback = (changeset) => {
    rollbacks++
    rollBack(changeset)
  }
  const before = sessions()
  store.commit(events.noteAdded({ id: 'own-1' }), events.noteAdded({ id: 'own-2' }))
  expect(sessions() - before).toBeGreaterThanOrEqual(2)
  await until('the server holds all four events', () => memory.stored.length === 4)
  await until('the tab shows the four', () => ids().length === 4)
  expect(rollbacks).toBeGreaterThanOrEqual(2)
  expect(ids()).toEqual(['own-1', 'own-2', 'remote-1', 'remote-2'])
  expect(
    memory.stored
      .map((event) => (event.args as { id: string }).id)
      .slice(2)
      .sort(),
  ).toEqual(['own-1', 'own-2'])
})

// Patch 19: the leader (in this thread with the in-memory adapter, as in the browser's leader worker) writes
// each event with no span of its own and none per SQL statement; its batch keeps one.
test('the leader writes events with a span per batch, none per event or statement', async () => {
  const { memory, names, ids } = await openStore()
  const count = (name: string) => names.filter((started) => started === name).length
  const perEvent = [
    '@livestore/common:leader-thread:materializeEvent',
    '@livestore/common:execSql',
    '@livestore/common:execSqlPrepared',
  ]
  const batch = '@livestore/common:LeaderSyncProcessor:materializeEventItems'
  const before = { perEvent: perEvent.map(count), batch: count(batch) }
  await Effect.runPromise(memory.inject(Array.from({ length: 50 }, (_, i) => events.noteAdded({ id: `r-${i}` }))))
  await until('the tab shows the 50 events', () => ids().length === 50)
  expect(perEvent.map((name, i) => count(name) - (before.perEvent[i] ?? 0))).toEqual([0, 0, 0])
  expect(count(batch) - before.batch).toBeGreaterThan(0)
})
