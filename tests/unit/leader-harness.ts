// LiveStore's own leader (the code the browser's leader worker runs), in Node with wa-sqlite: in memory,
// or in files named as the web adapter names them in OPFS (eventlog.db, state<schema hash>.db), so that a
// store can be closed and opened again, under another version of its schema. With a sync backend in
// memory that behaves as sync-cf's Durable Object does (one log, ServerAheadError behind its head).
import { ServerAheadError, SyncBackend } from '@livestore/common'
import { LeaderThreadCtx, makeLeaderThreadLayer, type ShutdownChannel } from '@livestore/common/leader-thread'
import { EventSequenceNumber, LiveStoreEvent } from '@livestore/common/schema'
import { Events, type LiveStoreSchema, makeSchema, Schema, State } from '@livestore/livestore'
import { loadSqlite3Wasm } from '@livestore/sqlite-wasm/load-wasm'
import { sqliteDbFactory } from '@livestore/sqlite-wasm/node'
import {
  Effect,
  FetchHttpClient,
  Layer,
  Option,
  Queue,
  Stream,
  SubscriptionRef,
  WebChannel,
} from '@livestore/utils/effect'
import { PlatformNode } from '@livestore/utils/node'

type GlobalEvent = LiveStoreEvent.Global.Encoded

/** The smallest app the leader tests need: one synced event adding a row to one table. */
export const notesApp = (() => {
  const events = {
    noteAdded: Events.synced({ name: 'v1.NoteAdded', schema: Schema.Struct({ id: Schema.String }) }),
  }
  const table = State.SQLite.table({ name: 'notes', columns: { id: State.SQLite.text({ primaryKey: true }) } })
  const schema = makeSchema({
    events,
    state: State.SQLite.makeState({
      tables: { notes: table },
      materializers: State.SQLite.materializers(events, { 'v1.NoteAdded': ({ id }) => table.insert({ id }) }),
    }),
  })
  return { events, schema }
})()

/** A sync backend in memory: one event log; every pull gets what it lacks, then what arrives. */
export const makeMemoryBackend = Effect.gen(function* () {
  const stored: GlobalEvent[] = []
  const subscribers = new Set<Queue.Queue<GlobalEvent[]>>()
  const connected = yield* SubscriptionRef.make(true)
  const head = () => stored.at(-1)?.seqNum ?? EventSequenceNumber.Client.ROOT.global
  const append = (batch: readonly GlobalEvent[]) =>
    Effect.gen(function* () {
      stored.push(...batch)
      for (const queue of subscribers) yield* Queue.offer(queue, [...batch])
    })

  const backend = SyncBackend.of({
    isConnected: connected,
    connect: Effect.void,
    ping: Effect.void,
    pull: (cursor, options) =>
      Stream.unwrapScoped(
        Effect.gen(function* () {
          const queue = yield* Queue.unbounded<GlobalEvent[]>()
          if (options?.live === true) {
            subscribers.add(queue)
            yield* Effect.addFinalizer(() => Effect.sync(() => subscribers.delete(queue)))
          }
          let last = Option.match(cursor, { onNone: () => 0, onSome: (c) => c.eventSequenceNumber as number })
          const chunk = (events: readonly GlobalEvent[]) => {
            const fresh = events.filter((event) => event.seqNum > last)
            last = Math.max(last, ...fresh.map((event) => event.seqNum))
            return {
              batch: fresh.map((eventEncoded) => ({ eventEncoded, metadata: Option.none() })),
              pageInfo: SyncBackend.pageInfoNoMore,
            }
          }
          const initial = Stream.sync(() => chunk(stored))
          if (options?.live !== true) return initial
          return Stream.concat(initial, Stream.fromQueue(queue).pipe(Stream.map(chunk)))
        }),
      ),
    push: (batch) =>
      Effect.gen(function* () {
        if (batch[0]!.seqNum <= head())
          return yield* new ServerAheadError({
            minimumExpectedNum: EventSequenceNumber.Global.make(head() + 1),
            providedNum: EventSequenceNumber.Global.make(batch[0]!.seqNum),
          })
        yield* append(batch)
      }),
    metadata: { name: 'memory', description: 'a sync backend in memory' },
    supports: { pullPageInfoKnown: true, pullLive: true },
  })
  /** Events from another client, as the server would broadcast them. */
  const inject = (events: Array<{ name: string; args: unknown }>) =>
    append(
      events.map((event, i) => ({
        ...event,
        seqNum: EventSequenceNumber.Global.make(head() + i + 1),
        parentSeqNum: EventSequenceNumber.Global.make(head() + i),
        clientId: 'someone-else',
        sessionId: 'someone-else-tab',
      })),
    )
  return { backend, stored, connected, inject }
})

export type MemoryBackend = Effect.Effect.Success<typeof makeMemoryBackend>

/**
 * Runs `body` with a leader for `schema`: in memory, or in `directory` (a store on disk that outlives
 * the leader), syncing with `backend` when given.
 */
export const withLeader = <A, E>(
  { schema, directory, backend }: { schema: LiveStoreSchema; directory?: string; backend?: SyncBackend.SyncBackend },
  body: Effect.Effect<A, E, LeaderThreadCtx>,
) =>
  Effect.gen(function* () {
    const sqlite3 = yield* Effect.promise(() => loadSqlite3Wasm())
    const makeSqliteDb = yield* sqliteDbFactory({ sqlite3 })
    const db = (fileName: string) =>
      makeSqliteDb(directory === undefined ? { _tag: 'in-memory' } : { _tag: 'fs', directory, fileName })
    const leaderLayer = makeLeaderThreadLayer({
      schema,
      storeId: 'harness-store',
      clientId: 'ann',
      syncPayloadSchema: undefined,
      syncPayloadEncoded: undefined,
      makeSqliteDb,
      syncOptions: backend === undefined ? undefined : { backend: () => Effect.succeed(backend) },
      dbState: yield* db(`state${schema.state.sqlite.hash}.db`),
      dbEventlog: yield* db('eventlog.db'),
      devtoolsOptions: { enabled: false },
      shutdownChannel: yield* WebChannel.noopChannel<
        typeof ShutdownChannel.All.Type,
        typeof ShutdownChannel.All.Type
      >(),
    }).pipe(Layer.provide(FetchHttpClient.layer), Layer.provide(PlatformNode.NodeFileSystem.layer))
    return yield* body.pipe(Effect.provide(leaderLayer))
  }).pipe(Effect.scoped, Effect.provide(PlatformNode.NodeFileSystem.layer))

/** Commits one event through the leader, as a tab would: numbered after the leader's local head. */
export const commit = (event: { name: string; args: unknown }) =>
  Effect.gen(function* () {
    const leader = yield* LeaderThreadCtx
    const state = yield* leader.syncProcessor.syncState
    const next = EventSequenceNumber.Client.nextPair({ seqNum: state.localHead, isClient: false })
    const encoded = Schema.encodeUnknownSync(leader.eventSchema)({
      ...event,
      ...next,
      clientId: leader.clientId,
      sessionId: 'tab',
    })
    yield* leader.syncProcessor.push([new LiveStoreEvent.Client.EncodedWithMeta(encoded)], { waitForProcessing: true })
  })

/** Waits until `done` holds, polling; fails after `timeoutMs`. */
export const eventually = (what: string, done: () => boolean, timeoutMs = 5_000) =>
  Effect.iterate(0, {
    while: () => !done(),
    body: (elapsed) =>
      elapsed > timeoutMs
        ? Effect.die(new Error(`${what}: not within ${timeoutMs} ms`))
        : Effect.sleep(25).pipe(Effect.as(elapsed + 25)),
  })

/** Rows of the leader's state database. */
export const select = <Row>(sql: string) =>
  Effect.map(LeaderThreadCtx, (leader) => leader.dbState.select(sql) as unknown as Row[])
