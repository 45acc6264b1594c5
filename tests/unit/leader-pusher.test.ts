// LiveStore's leader against a scripted sync backend, in Node with in-memory SQLite: the pusher must
// keep going after the situation a server restart creates, where a push was stored but its answer was
// lost, and the retry is refused (ServerAheadError) only after the pull has already confirmed the stored
// events. Without the "pusher restarts" patch's requeue (scripts/patch-livestore.mjs) nothing is ever
// pushed again in that session.

import { ServerAheadError, SyncBackend, UnknownError } from '@livestore/common'
import { LeaderThreadCtx } from '@livestore/common/leader-thread'
import { EventSequenceNumber, type LiveStoreEvent } from '@livestore/common/schema'
import { Deferred, Effect, Option, Queue, Stream, SubscriptionRef } from '@livestore/utils/effect'
import { expect, test } from 'vitest'

import { commit, eventually, makeMemoryBackend, notesApp, withLeader } from './leader-harness'

const { events, schema } = notesApp

type GlobalEvent = LiveStoreEvent.Global.Encoded

/**
 * A sync backend whose first push is stored but answered with a lost connection, and whose second push
 * (the leader's retry of the same batch) is answered only after the stored events went out on the pull.
 */
const makeScriptedBackend = Effect.gen(function* () {
  const stored: GlobalEvent[] = []
  const live = yield* Queue.unbounded<GlobalEvent[]>()
  const confirmedOnPull = yield* Deferred.make<void>()
  const pushes: number[][] = []
  const head = () => stored.at(-1)?.seqNum ?? EventSequenceNumber.Client.ROOT.global

  // Offline at first: the test commits two events, which the first push then carries together.
  const connected = yield* SubscriptionRef.make(false)
  const backend = SyncBackend.of({
    isConnected: connected,
    connect: Effect.void,
    ping: Effect.void,
    pull: (cursor, options) => {
      const after = Option.match(cursor, { onNone: () => 0, onSome: (c) => c.eventSequenceNumber })
      const initial = Stream.make({
        batch: stored
          .filter((e) => e.seqNum > after)
          .map((eventEncoded) => ({ eventEncoded, metadata: Option.none() })),
        pageInfo: SyncBackend.pageInfoNoMore,
      })
      if (options?.live !== true) return initial
      const liveItems = Stream.fromQueue(live).pipe(
        Stream.map((batch) => ({
          batch: batch.map((eventEncoded) => ({ eventEncoded, metadata: Option.none() })),
          pageInfo: SyncBackend.pageInfoNoMore,
        })),
      )
      return Stream.concat(initial, liveItems)
    },
    push: (batch) =>
      Effect.gen(function* () {
        pushes.push(batch.map((e) => e.seqNum))
        const attempt = pushes.length
        if (attempt === 1) {
          // Stored, then the socket dies before the answer: the leader sees a failed push.
          stored.push(...batch)
          return yield* new UnknownError({ cause: new Error('socket closed before the answer') })
        }
        if (attempt === 2) {
          // The reconnected pull confirms the stored events while this retry is still on its way.
          yield* Queue.offer(live, [...batch])
          yield* Deferred.await(confirmedOnPull)
        }
        if (batch[0]!.seqNum <= head()) {
          return yield* new ServerAheadError({
            minimumExpectedNum: EventSequenceNumber.Global.make(head() + 1),
            providedNum: EventSequenceNumber.Global.make(batch[0]!.seqNum),
          })
        }
        stored.push(...batch)
        yield* Queue.offer(live, [...batch])
      }),
    metadata: { name: 'scripted', description: 'a sync backend that replays a server restart' },
    supports: { pullPageInfoKnown: true, pullLive: true },
  })
  return { backend, stored, pushes, confirmedOnPull, connected }
})

test('the leader keeps pushing when a retried push is refused after the pull confirmed it', async () => {
  const program = Effect.gen(function* () {
    const scripted = yield* makeScriptedBackend
    return yield* withLeader(
      { schema, backend: scripted.backend },
      Effect.gen(function* () {
        yield* commit(events.noteAdded({ id: 'a' }))
        yield* commit(events.noteAdded({ id: 'b' }))
        yield* SubscriptionRef.set(scripted.connected, true)
        // The pull has confirmed a and b (upstream head 2) while the retry is in flight; then it is refused.
        const leader = yield* LeaderThreadCtx
        yield* leader.syncProcessor.syncState.changes.pipe(
          Stream.takeUntil((state) => state.upstreamHead.global >= 2),
          Stream.runDrain,
        )
        yield* Deferred.succeed(scripted.confirmedOnPull, undefined)
        // Typed after that: it must reach the server.
        yield* commit(events.noteAdded({ id: 'c' }))
        yield* eventually('c is pushed', () => scripted.stored.length >= 3, 3_000)
        return { stored: scripted.stored.map((e) => e.args) }
      }),
    )
  })

  const result = await Effect.runPromise(program)
  expect(result.stored).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }])
})

test('the leader keeps pushing after a push that dies instead of failing (a socket that throws)', async () => {
  const program = Effect.gen(function* () {
    const memory = yield* makeMemoryBackend
    let pushes = 0
    const backend = SyncBackend.of({
      ...memory.backend,
      push: (batch) => {
        pushes++
        // A defect, not a failure: what a throwing socket write turns into inside Effect RPC.
        return pushes === 1 ? Effect.die(new Error('WebSocket is not open')) : memory.backend.push(batch)
      },
    })
    return yield* withLeader(
      { schema, backend },
      Effect.gen(function* () {
        yield* commit(events.noteAdded({ id: 'a' }))
        yield* eventually('the first push is made', () => pushes >= 1, 3_000)
        yield* commit(events.noteAdded({ id: 'b' }))
        yield* eventually('a and b are pushed', () => memory.stored.length >= 2, 3_000)
        return { stored: memory.stored.map((e) => e.args) }
      }),
    )
  })

  const result = await Effect.runPromise(program)
  expect(result.stored).toEqual([{ id: 'a' }, { id: 'b' }])
})
