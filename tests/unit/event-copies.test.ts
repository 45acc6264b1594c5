// LiveStore's event objects ("events decoded at the edge are not validated again when copied",
// scripts/patch-livestore.mjs): the class constructor validated every field of every event pulled from the
// backend and of every event moved by a rebase, ~0.3 ms each, although each had been decoded at the edge
// already. The copies now trust their input (the second test fails without the patch); the edge still
// refuses a malformed event.
import { EventSequenceNumber, LiveStoreEvent } from '@livestore/common/schema'
import { Option, Schema } from '@livestore/utils/effect'
import { expect, test } from 'vitest'

const meta = {
  syncMetadata: Option.none(),
  materializerHashLeader: Option.none(),
  materializerHashSession: Option.none(),
}
const pulled = (seqNum: number) =>
  ({
    name: 'v1.MessageSent',
    args: { id: `m${seqNum}`, text: `hello ${seqNum}` },
    seqNum,
    parentSeqNum: seqNum - 1,
    clientId: 'client-a',
    sessionId: 'session-a',
  }) as unknown as LiveStoreEvent.Global.Encoded

test('an event pulled from the backend and rebased keeps its fields', () => {
  const event = LiveStoreEvent.Client.EncodedWithMeta.fromGlobal(pulled(7), meta)
  expect(event).toBeInstanceOf(LiveStoreEvent.Client.EncodedWithMeta)
  expect(event.seqNum).toEqual({ global: 7, client: 0, rebaseGeneration: 0 })
  expect(event.parentSeqNum).toEqual({ global: 6, client: 0, rebaseGeneration: 0 })
  expect(event.meta.sessionChangeset).toEqual({ _tag: 'unset' })
  expect(event.toGlobal()).toEqual(pulled(7))
  const rebased = event.rebase({
    parentSeqNum: EventSequenceNumber.Client.fromGlobal(pulled(9).seqNum),
    isClient: false,
    rebaseGeneration: 0,
  })
  expect(rebased).toBeInstanceOf(LiveStoreEvent.Client.EncodedWithMeta)
  expect(rebased.seqNum.global).toBe(10)
  expect(rebased.args).toEqual(event.args)
})

test('copies are not validated again; the edge refuses a malformed event', () => {
  const malformed = { ...pulled(8), clientId: 42 } as unknown as LiveStoreEvent.Global.Encoded
  // What sync-cf's client does with a pull message: decode (and so validate) each event.
  expect(() => Schema.decodeUnknownSync(LiveStoreEvent.Global.Encoded)(malformed)).toThrow()
  // Past the edge, copying trusts the event (unpatched, this validated again and threw).
  const copied = LiveStoreEvent.Client.EncodedWithMeta.fromGlobal(malformed, meta)
  expect(copied.clientId as unknown).toBe(42)
})
