// LiveStore's merge of a sync state ("a merge builds its result without validating it again",
// scripts/patch-livestore.mjs). A tab and its leader merge for every push, confirmation and pulled batch;
// unpatched, each merge validated its payload, both states and its result again with Effect Schema, copying
// every array of events (~0.5 ms per merge in Node). The result now holds what it was built from, and the
// merge's own checks of order and heads still run.
import { SyncState } from '@livestore/common'
import { EventSequenceNumber, LiveStoreEvent } from '@livestore/common/schema'
import { Effect, Exit } from '@livestore/utils/effect'
import { expect, test } from 'vitest'

const seqNum = (global: number, client: number) => ({
  global: EventSequenceNumber.Global.make(global),
  client: EventSequenceNumber.Client.make(client),
  rebaseGeneration: 0,
})

/** A pending event of this client: eGLOBAL.CLIENT on top of eGLOBAL.(CLIENT-1). */
const pendingEvent = (global: number, client: number) =>
  new LiveStoreEvent.Client.EncodedWithMeta({
    name: 'v1.MessageSent',
    args: { id: `m-${global}-${client}`, text: 'hello' },
    seqNum: seqNum(global, client),
    parentSeqNum: seqNum(global, client - 1),
    clientId: 'client-a',
    sessionId: 'session-a',
  })

const stateWithPending = (count: number) => {
  const pending = Array.from({ length: count }, (_, i) => pendingEvent(10, i + 1))
  return new SyncState.SyncState({
    pending,
    upstreamHead: seqNum(10, 0),
    localHead: pending.at(-1)?.seqNum ?? seqNum(10, 0),
  })
}

const merge = (syncState: SyncState.SyncState, payload: typeof SyncState.Payload.Type) =>
  Effect.runSyncExit(
    SyncState.merge({
      syncState,
      payload,
      isClientEvent: () => false,
      isEqualEvent: LiveStoreEvent.Client.isEqualEncoded,
    }),
  )

const resultOf = (exit: ReturnType<typeof merge>) => {
  if (!Exit.isSuccess(exit)) throw new Error(`merge failed: ${String(exit.cause)}`)
  return exit.value
}

test('a local push is merged into a result that holds what it was built from', () => {
  const syncState = stateWithPending(2)
  const payload = SyncState.PayloadLocalPush.make({ newEvents: [pendingEvent(10, 3)] })
  const result = resultOf(merge(syncState, payload))

  expect(result).toBeInstanceOf(SyncState.MergeResultAdvance)
  if (result._tag !== 'advance') throw new Error(result._tag)
  expect(result.newSyncState).toBeInstanceOf(SyncState.SyncState)
  expect(result.newSyncState.pending.map((e) => e.seqNum.client)).toEqual([1, 2, 3])
  expect(result.newSyncState.localHead).toEqual(seqNum(10, 3))
  // Not validated copies: the very payload, state and events the merge was given.
  expect(result.mergeContext.payload).toBe(payload)
  expect(result.mergeContext.syncState).toBe(syncState)
  expect(result.newEvents).toBe(payload.newEvents)
})

test('an upstream advance confirms pending events and keeps the rest pending', () => {
  const syncState = stateWithPending(3)
  const confirmed = syncState.pending.slice(0, 2)
  const payload = SyncState.PayloadUpstreamAdvance.make({ newEvents: confirmed })
  const result = resultOf(merge(syncState, payload))

  if (result._tag !== 'advance') throw new Error(result._tag)
  expect(result.confirmedEvents).toEqual(confirmed)
  expect(result.newEvents).toEqual([])
  expect(result.newSyncState.pending.map((e) => e.seqNum.client)).toEqual([3])
  expect(result.newSyncState.upstreamHead).toEqual(seqNum(10, 2))
  expect(result.mergeContext.payload).toBe(payload)
})

test('the merge still rejects a push below its head and refuses a state out of order', () => {
  const syncState = stateWithPending(2)
  const rejected = resultOf(merge(syncState, SyncState.PayloadLocalPush.make({ newEvents: [pendingEvent(10, 2)] })))
  expect(rejected._tag).toBe('reject')
  if (rejected._tag !== 'reject') throw new Error(rejected._tag)
  expect(rejected.expectedMinimumId).toEqual(seqNum(10, 3))

  const outOfOrder = new SyncState.SyncState({
    pending: [pendingEvent(10, 2), pendingEvent(10, 1)],
    upstreamHead: seqNum(10, 0),
    localHead: seqNum(10, 1),
  })
  const exit = merge(outOfOrder, SyncState.PayloadLocalPush.make({ newEvents: [pendingEvent(10, 3)] }))
  expect(Exit.isFailure(exit)).toBe(true)
  expect(String(Exit.isFailure(exit) ? exit.cause : '')).toMatch(/monotonically ascending/)
})
