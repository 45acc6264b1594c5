// LiveStore's leader hands events on before its own disk work ("events are handed on before the leader
// writes them", scripts/patch-livestore.mjs): a tab's pull stream gets a pulled chunk before the leader
// writes it, the sync backend gets a local push before the leader writes it, and a pulled chunk is one
// transaction per database that also records the backend head. Unpatched, each of the three fails: the
// leader wrote first (four transactions per chunk), and only then did anything else run.
import { LeaderThreadCtx } from '@livestore/common/leader-thread'
import { EventSequenceNumber } from '@livestore/common/schema'
import { Effect, Stream } from '@livestore/utils/effect'
import { expect, test } from 'vitest'

import { commit, eventually, makeMemoryBackend, notesApp, withLeader } from './leader-harness'

const { events, schema } = notesApp

type Statement = { db: 'state' | 'eventlog'; sql: string }

/** Records every statement the leader runs on its two databases from now on. */
const recordStatements = Effect.gen(function* () {
  const leader = yield* LeaderThreadCtx
  const statements: Statement[] = []
  for (const [name, db] of [
    ['state', leader.dbState],
    ['eventlog', leader.dbEventlog],
  ] as const) {
    const execute = db.execute.bind(db)
    db.execute = ((sql: string, ...rest: unknown[]) => {
      statements.push({ db: name, sql: sql.replace(/\s+/g, ' ').trim() })
      return (execute as (...args: unknown[]) => unknown)(sql, ...rest)
    }) as typeof db.execute
  }
  return statements
})

type Db = Effect.Effect.Success<typeof LeaderThreadCtx>['dbEventlog']

/** How many of the given global sequence numbers an event log holds. */
const countIn = (dbEventlog: Db, seqNums: readonly number[]) =>
  (
    dbEventlog.select(
      `SELECT COUNT(*) AS count FROM eventlog WHERE seqNumGlobal IN (${seqNums.join(',')})`,
    ) as unknown as Array<{ count: number }>
  )[0]!.count

/** The statements of each transaction (BEGIN … COMMIT) on `db`, and those run outside any. */
const transactionsOf = (statements: readonly Statement[], db: Statement['db']) => {
  const transactions: string[][] = []
  const outside: string[] = []
  let open: string[] | undefined
  for (const { sql } of statements.filter((s) => s.db === db)) {
    if (/^BEGIN/i.test(sql)) open = []
    else if (/^(COMMIT|ROLLBACK)\b/i.test(sql) && open !== undefined) {
      // A rolled back transaction wrote nothing: it is recorded with its ROLLBACK, which no test expects.
      transactions.push(/^ROLLBACK/i.test(sql) ? [...open, sql] : open)
      open = undefined
    } else (open ?? outside).push(sql)
  }
  return { transactions, outside }
}

test('a pulled chunk reaches the tabs before the leader writes it, in one transaction per database', async () => {
  const result = await Effect.gen(function* () {
    const memory = yield* makeMemoryBackend
    return yield* withLeader(
      { schema, backend: memory.backend },
      Effect.scoped(
        Effect.gen(function* () {
          const leader = yield* LeaderThreadCtx
          // A tab: its pull stream, and how much of each payload the leader had written when it arrived.
          const writtenWhenPulled: Array<{ events: number; written: number }> = []
          yield* leader.syncProcessor.pull({ cursor: EventSequenceNumber.Client.ROOT }).pipe(
            Stream.tap(({ payload }) =>
              Effect.sync(() => {
                const seqNums = payload.newEvents.map((event) => event.seqNum.global)
                if (seqNums.length > 0)
                  writtenWhenPulled.push({ events: seqNums.length, written: countIn(leader.dbEventlog, seqNums) })
              }),
            ),
            Stream.runDrain,
            Effect.forkScoped,
          )
          const statements = yield* recordStatements
          // Three notes from another member, as one broadcast.
          yield* memory.inject([1, 2, 3].map((i) => events.noteAdded({ id: `n${i}` })))
          const notes = () =>
            (leader.dbState.select('SELECT COUNT(*) AS count FROM notes') as unknown as Array<{ count: number }>)[0]!
              .count
          yield* eventually('the three notes are in the state database', () => notes() === 3, 3_000)
          return { writtenWhenPulled, statements }
        }),
      ),
    )
  }).pipe(Effect.runPromise)

  // The tab had the three events before any of them was in the leader's event log.
  expect(result.writtenWhenPulled).toEqual([{ events: 3, written: 0 }])
  // One transaction per database for the chunk; the backend head and the changeset trim inside them.
  const eventlog = transactionsOf(result.statements, 'eventlog')
  const state = transactionsOf(result.statements, 'state')
  expect(eventlog.transactions).toHaveLength(1)
  expect(state.transactions).toHaveLength(1)
  expect(eventlog.transactions[0]!.some((sql) => /UPDATE __livestore_sync_status SET head = 3/.test(sql))).toBe(true)
  expect(state.transactions[0]!.some((sql) => /DELETE FROM __livestore_session_changeset/.test(sql))).toBe(true)
  expect(eventlog.outside.filter((sql) => !/^SELECT/i.test(sql))).toEqual([])
  expect(state.outside.filter((sql) => !/^SELECT/i.test(sql))).toEqual([])
})

test('a local push reaches the sync backend before the leader writes it', async () => {
  const result = await Effect.gen(function* () {
    const memory = yield* makeMemoryBackend
    // What the leader had written of each batch when it reached the sync backend.
    const writtenWhenPushed: number[] = []
    let dbEventlog: Db | undefined
    const backend: typeof memory.backend = {
      ...memory.backend,
      push: (batch) =>
        Effect.suspend(() => {
          if (dbEventlog !== undefined)
            writtenWhenPushed.push(
              countIn(
                dbEventlog,
                batch.map((event) => event.seqNum),
              ),
            )
          return memory.backend.push(batch)
        }),
    }
    return yield* withLeader(
      { schema, backend },
      Effect.gen(function* () {
        dbEventlog = (yield* LeaderThreadCtx).dbEventlog
        yield* commit(events.noteAdded({ id: 'mine' }))
        yield* eventually('the note is pushed', () => memory.stored.length === 1, 3_000)
        return { writtenWhenPushed, stored: memory.stored.map((event) => event.args) }
      }),
    )
  }).pipe(Effect.runPromise)

  expect(result.stored).toEqual([{ id: 'mine' }])
  expect(result.writtenWhenPushed).toEqual([0])
})

test("the server's confirmation of the leader's own push is one transaction per database", async () => {
  const statements = await Effect.gen(function* () {
    const memory = yield* makeMemoryBackend
    return yield* withLeader(
      { schema, backend: memory.backend },
      Effect.gen(function* () {
        const leader = yield* LeaderThreadCtx
        const recorded = yield* recordStatements
        yield* commit(events.noteAdded({ id: 'mine' }))
        // The memory backend stores the push and sends it back on the pull, which confirms it.
        yield* leader.syncProcessor.syncState.changes.pipe(
          Stream.takeUntil((state) => state.upstreamHead.global >= 1 && state.pending.length === 0),
          Stream.runDrain,
        )
        return recorded
      }),
    )
  }).pipe(Effect.runPromise)

  const eventlog = transactionsOf(statements, 'eventlog')
  const state = transactionsOf(statements, 'state')
  // The commit's own transaction, then the confirmation's: head, sync metadata and trim inside it.
  expect(eventlog.transactions).toHaveLength(2)
  expect(state.transactions).toHaveLength(2)
  const confirmation = eventlog.transactions[1]!
  expect(confirmation.some((sql) => /UPDATE __livestore_sync_status SET head = 1/.test(sql))).toBe(true)
  expect(confirmation.some((sql) => /UPDATE 'eventlog' SET syncMetadataJson|UPDATE eventlog SET/.test(sql))).toBe(true)
  expect(eventlog.outside.filter((sql) => !/^SELECT/i.test(sql))).toEqual([])
  expect(state.outside.filter((sql) => !/^SELECT/i.test(sql))).toEqual([])
})
