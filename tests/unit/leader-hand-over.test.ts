// A second tab outlives the first, whose leader goes with it: the tab's session subscribes again, from its
// own upstream head, to its new leader (LiveStore's client-session sync processor does that by itself when
// the pull stream ends; the shared worker routes the request to the new leader). The new leader boots from
// what the old one wrote, and the old one hands events on to the tabs before writing them (LiveStore patch
// 12): closed in between, it leaves the tab ahead of the store on disk. The new leader then pulls those
// events from the server and hands them on to the tab again. Unpatched, the tab's merge dies on them
// ("Incoming events must be greater than upstream head") and its store shuts down; LiveStore patch 27
// drops the events the tab already has. Real leaders (LiveStore's, in this thread), a real store
// (LiveStore's in-memory adapter); only the shared worker's switch to the new leader is done here.
import { makeInMemoryAdapter } from '@livestore/adapter-web'
import type { Adapter, ClientSession } from '@livestore/common'
import { LeaderThreadCtx } from '@livestore/common/leader-thread'
import { EventSequenceNumber } from '@livestore/common/schema'
import { createStorePromise } from '@livestore/livestore'
import { Deferred, Effect, Stream, SubscriptionRef } from '@livestore/utils/effect'
import { expect, test } from 'vitest'

import { eventually, makeMemoryBackend, notesApp, withLeader } from './leader-harness'

const { events, schema } = notesApp

type Pull = ClientSession['leaderThread']['events']['pull']

test('a tab whose new leader hands on an event it already has keeps its store and goes on syncing', async () => {
  const seen = await Effect.gen(function* () {
    const memory = yield* makeMemoryBackend
    // The new leader's own view of the server: connected only once the tab has subscribed to it, as a
    // leader booting in a tab answers its tabs before its socket is up.
    const newLeaderOnline = yield* SubscriptionRef.make(false)
    const newLeaderBackend = { ...memory.backend, isConnected: newLeaderOnline }

    return yield* withLeader(
      { schema, backend: newLeaderBackend },
      Effect.gen(function* () {
        const newLeader = yield* LeaderThreadCtx
        const handOver = yield* Deferred.make<void>()
        let handedOver = false
        const cursors: string[] = []
        const fromNewLeader: string[][] = []
        const switchToNewLeader =
          (oldLeaderPull: Pull): Pull =>
          (options) => {
            cursors.push(EventSequenceNumber.Client.toString(options.cursor))
            if (!handedOver) {
              // The old leader's stream ends when its tab closes (the shared worker ends it).
              return oldLeaderPull(options).pipe(Stream.interruptWhen(Deferred.await(handOver)))
            }
            return newLeader.syncProcessor
              .pull(options)
              .pipe(
                Stream.tap(({ payload }) =>
                  Effect.sync(() =>
                    fromNewLeader.push(
                      payload.newEvents.map((event) => EventSequenceNumber.Client.toString(event.seqNum)),
                    ),
                  ),
                ),
              ) as ReturnType<Pull>
          }
        const inMemory = makeInMemoryAdapter({ sync: { backend: () => Effect.succeed(memory.backend) } })
        const adapter: Adapter = (args) =>
          Effect.map(inMemory(args), (session) => ({
            ...session,
            leaderThread: {
              ...session.leaderThread,
              events: { ...session.leaderThread.events, pull: switchToNewLeader(session.leaderThread.events.pull) },
            },
          }))

        const store = yield* Effect.promise(() => createStorePromise({ schema, storeId: 'hand-over', adapter }))
        // A store its session shut down refuses every query from then on.
        let shutDown = false
        const ids = () => {
          try {
            return (
              store.query({ query: 'SELECT id FROM notes ORDER BY id', bindValues: {} }) as Array<{ id: string }>
            ).map((row) => row.id)
          } catch {
            shutDown = true
            return []
          }
        }

        // Another member's event reaches the tab through its first leader, which then goes away.
        yield* memory.inject([events.noteAdded({ id: 'before' })])
        yield* eventually('the tab shows the first event', () => ids().length === 1)
        handedOver = true
        yield* Deferred.succeed(handOver, undefined)
        yield* eventually('the tab subscribes to its new leader', () => cursors.length === 2)
        // The new leader, still at the start of the log, pulls the event the tab already has.
        yield* SubscriptionRef.set(newLeaderOnline, true)
        yield* eventually('the new leader hands the event on', () => fromNewLeader.length > 0)
        yield* memory.inject([events.noteAdded({ id: 'after' })])
        // Unpatched, the tab's session died on the merge by now: it never shows the next event.
        yield* eventually('the tab shows the next event', () => ids().length === 2 || shutDown, 2_000).pipe(
          Effect.catchAllDefect(() => Effect.void),
        )
        const seen = { cursors, fromNewLeader, ids: ids(), shutDown }
        if (!shutDown) yield* Effect.promise(() => store.shutdownPromise())
        return seen
      }),
    )
  }).pipe(Effect.runPromise)

  // The tab subscribed again from the event it had, and the new leader handed that very event on to it.
  expect(seen.cursors).toEqual(['e0', 'e1'])
  expect(seen.fromNewLeader[0]).toContain('e1')
  expect(seen.shutDown).toBe(false)
  expect(seen.ids).toEqual(['after', 'before'])
}, 15_000)
