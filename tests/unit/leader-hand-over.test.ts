// A second tab outlives the first, whose leader goes with it: the tab's session subscribes again, from its
// own upstream head, to its new leader (LiveStore's client-session sync processor does that by itself when
// the pull stream ends; the shared worker routes the request, and the tab's pushes, to the new leader). The
// new leader boots from what the old one wrote, and the old one hands events on to the tabs before writing
// them (LiveStore patch 12): closed in between, it leaves the tab ahead of the store on disk. The new leader
// then pulls those events from the server and hands them on to the tab again. Unpatched, the tab's merge
// dies on them ("Incoming events must be greater than upstream head"), or, when the tab committed in the
// meantime, it applies them twice in the new leader's rebase; either way its store shuts down. LiveStore
// patch 27 drops the events the tab already has. Real leaders (LiveStore's, in this thread), a real store
// (LiveStore's in-memory adapter); only the shared worker's switch to the new leader is done here.
import { makeInMemoryAdapter } from '@livestore/adapter-web'
import type { Adapter, ClientSession } from '@livestore/common'
import { LeaderThreadCtx } from '@livestore/common/leader-thread'
import { EventSequenceNumber, LiveStoreEvent } from '@livestore/common/schema'
import { createStorePromise } from '@livestore/livestore'
import { Deferred, Effect, Stream, SubscriptionRef } from '@livestore/utils/effect'
import { expect, test } from 'vitest'

import { eventually, type MemoryBackend, makeMemoryBackend, notesApp, withLeader } from './leader-harness'

const { events, schema } = notesApp

type LeaderEvents = ClientSession['leaderThread']['events']
type Store = Awaited<ReturnType<typeof createStorePromise<typeof schema>>>

type HandOver = {
  /** Events of another member the tab gets from its first leader, which goes away without having written them. */
  had?: number
  /** Runs once the tab has subscribed to its new leader, which is still at the start of the log and offline. */
  afterHandOver?: (store: Store) => Effect.Effect<void>
  /** Runs once the new leader has handed on what the tab had. */
  caughtUp?: (server: MemoryBackend) => Effect.Effect<void>
  /** How long the new leader's pushes take to reach the server. */
  pushDelayMs?: number
}

/** A store whose first leader hands it another member's events and goes away, then syncs through the next one. */
const handOver = ({
  had = 1,
  afterHandOver = () => Effect.void,
  caughtUp = () => Effect.void,
  pushDelayMs = 0,
}: HandOver) =>
  Effect.gen(function* () {
    const memory = yield* makeMemoryBackend
    // The new leader's own view of the server: connected only once the tab has subscribed to it, as a
    // leader booting in a tab answers its tabs before its socket is up.
    const newLeaderOnline = yield* SubscriptionRef.make(false)
    const newLeaderBackend = {
      ...memory.backend,
      isConnected: newLeaderOnline,
      push: (batch: Parameters<typeof memory.backend.push>[0]) =>
        memory.backend.push(batch).pipe(Effect.delay(pushDelayMs)),
    }

    return yield* withLeader(
      { schema, backend: newLeaderBackend },
      Effect.gen(function* () {
        const newLeader = yield* LeaderThreadCtx
        const closed = yield* Deferred.make<void>()
        let handedOver = false
        const cursors: string[] = []
        const fromNewLeader: string[] = []
        const names = (events: readonly { seqNum: EventSequenceNumber.Client.Composite }[]) =>
          events.map((event) => EventSequenceNumber.Client.toString(event.seqNum)).join(' ')
        const switchToNewLeader = (oldLeader: LeaderEvents): LeaderEvents => ({
          ...oldLeader,
          pull: (options) => {
            cursors.push(EventSequenceNumber.Client.toString(options.cursor))
            // The old leader's stream ends when its tab closes (the shared worker ends it).
            if (!handedOver) return oldLeader.pull(options).pipe(Stream.interruptWhen(Deferred.await(closed)))
            return newLeader.syncProcessor
              .pull(options)
              .pipe(
                Stream.tap(({ payload }) =>
                  Effect.sync(() =>
                    fromNewLeader.push(
                      payload._tag === 'upstream-rebase'
                        ? `rebase [${names(payload.newEvents)}], rolling back [${names(payload.rollbackEvents)}]`
                        : `advance [${names(payload.newEvents)}]`,
                    ),
                  ),
                ),
              ) as ReturnType<LeaderEvents['pull']>
          },
          push: (batch) =>
            handedOver
              ? newLeader.syncProcessor.push(
                  batch.map((event) => new LiveStoreEvent.Client.EncodedWithMeta(event)),
                  { waitForProcessing: true },
                )
              : oldLeader.push(batch),
        })
        const inMemory = makeInMemoryAdapter({ sync: { backend: () => Effect.succeed(memory.backend) } })
        const adapter: Adapter = (args) =>
          Effect.map(inMemory(args), (session) => ({
            ...session,
            leaderThread: { ...session.leaderThread, events: switchToNewLeader(session.leaderThread.events) },
          }))

        const store = yield* Effect.promise(() => createStorePromise({ schema, storeId: 'hand-over', adapter }))
        const ids = () =>
          (store.query({ query: 'SELECT id FROM notes ORDER BY id', bindValues: {} }) as Array<{ id: string }>).map(
            (row) => row.id,
          )

        // Another member's events reach the tab through its first leader, which then goes away.
        const before = Array.from({ length: had }, (_, i) => events.noteAdded({ id: `before-${i + 1}` }))
        yield* memory.inject(before)
        yield* eventually('the tab shows the first events', () => ids().length === had)
        handedOver = true
        yield* Deferred.succeed(closed, undefined)
        yield* eventually('the tab subscribes to its new leader', () => cursors.length === 2)
        yield* afterHandOver(store)
        // The new leader, still at the start of the log, pulls the events the tab already has.
        yield* SubscriptionRef.set(newLeaderOnline, true)
        yield* eventually('the new leader hands the events on', () => fromNewLeader.some((p) => /\[e1[ \]]/.test(p)))
        yield* caughtUp(memory)
        yield* memory.inject([events.noteAdded({ id: 'after' })])
        // Until the tab shows what the server holds, its own events included (unpatched, its session died by
        // now and it never does: the assertions say so).
        const onServer = () => memory.stored.map((event) => (event.args as { id: string }).id).sort()
        yield* eventually('the tab shows every event', () => ids().join() === onServer().join(), 3_000).pipe(
          Effect.catchAllDefect(() => Effect.void),
        )
        const seen = { cursors, fromNewLeader, ids: ids(), server: memory.stored.map((event) => event.args) }
        yield* Effect.promise(() => store.shutdownPromise())
        return seen
      }),
    )
  }).pipe(Effect.runPromise)

test('a tab whose new leader hands on an event it already has keeps its store and goes on syncing', async () => {
  const seen = await handOver({})

  // The tab subscribed again from the event it had, and the new leader handed that very event on to it.
  expect(seen.cursors).toEqual(['e0', 'e1'])
  expect(seen.fromNewLeader[0]).toBe('advance [e1]')
  expect(seen.ids).toEqual(['after', 'before-1'])
}, 15_000)

test('a tab that commits before its new leader has caught up keeps its store, its event and the others’', async () => {
  const seen = await handOver({
    afterHandOver: (store) =>
      Effect.gen(function* () {
        store.commit(events.noteAdded({ id: 'mine' }))
        yield* Effect.sleep(200)
      }),
  })

  // The new leader took the tab's event ahead of the one the tab had, and rebased it on top once it pulled
  // that one: the rebase hands on the event the tab already had.
  expect(seen.fromNewLeader).toContain('rebase [e1 e2r1], rolling back [e2]')
  expect(seen.ids).toEqual(['after', 'before-1', 'mine'])
  expect(seen.server).toEqual([{ id: 'before-1' }, { id: 'mine' }, { id: 'after' }])
}, 15_000)

test('a tab whose events the new leader rebases twice keeps every event of the others', async () => {
  const seen = await handOver({
    had: 2,
    afterHandOver: (store) =>
      Effect.gen(function* () {
        store.commit(events.noteAdded({ id: 'mine-1' }), events.noteAdded({ id: 'mine-2' }))
        yield* Effect.sleep(200)
      }),
    // Another member's event reaches the server before the tab's, which the new leader has just rebased.
    caughtUp: (server) => server.inject([events.noteAdded({ id: 'meanwhile' })]),
    pushDelayMs: 300,
  })

  // The second rebase rolls back the tab's events, renumbered by the first: the other member's event takes
  // a number at or below the tab's upstream head, and the tab has not got it.
  expect(seen.fromNewLeader).toContain('rebase [e1 e2 e3r1 e4r1], rolling back [e3 e4]')
  expect(seen.fromNewLeader).toContainEqual(expect.stringMatching(/^rebase \[e3 .*\], rolling back \[e3r1 e4r1\]$/))
  expect(seen.ids).toEqual(['after', 'before-1', 'before-2', 'meanwhile', 'mine-1', 'mine-2'])
}, 15_000)
