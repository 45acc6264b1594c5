import { describe, expect, it } from 'vitest'

import { makePullOrder } from '../../lib/livestore/pull-order'

const event = (seqNum: number) => ({
  eventEncoded: { name: 'v1.ItemAdded', args: { id: `m${seqNum}` }, seqNum, parentSeqNum: seqNum - 1 },
  metadata: { _tag: 'None' },
})
const pullRequest = (id: string, cursor?: number) =>
  JSON.stringify({
    _tag: 'Request',
    id,
    tag: 'SyncWsRpc.Pull',
    payload: {
      storeId: 's',
      cursor:
        cursor === undefined
          ? { _tag: 'None' }
          : { _tag: 'Some', value: { eventSequenceNumber: cursor, backendId: 'b' } },
      live: true,
    },
    headers: [],
  })
const chunk = (requestId: string, seqNums: number[]) =>
  JSON.stringify({
    _tag: 'Chunk',
    requestId,
    values: [{ batch: seqNums.map(event), pageInfo: { _tag: 'NoMore' }, backendId: 'b' }],
  })
const seqNumsIn = (frame: unknown) =>
  (JSON.parse(String(frame)) as { values: Array<{ batch: ReturnType<typeof event>[] }> }).values.flatMap((value) =>
    value.batch.map((item) => item.eventEncoded.seqNum),
  )

describe('live pulls reach LiveStore in order and once', () => {
  it('passes frames through untouched when they are in order', () => {
    const order = makePullOrder()
    order.sent(pullRequest('1', 3))
    const frame = chunk('1', [4, 5])
    expect(order.received(frame)).toBe(frame)
    expect(order.received(chunk('1', [6]))).toBe(chunk('1', [6]))
  })

  it('drops events passed on already (a broadcast that the log read repeats)', () => {
    const order = makePullOrder()
    order.sent(pullRequest('9', 10))
    expect(seqNumsIn(order.received(chunk('9', [11, 12])))).toEqual([11, 12])
    expect(seqNumsIn(order.received(chunk('9', [11, 12, 13])))).toEqual([13])
    expect(seqNumsIn(order.received(chunk('9', [13])))).toEqual([])
    expect(order.waitingSince()).toBeUndefined()
  })

  it('holds a broadcast that overtook the log read until the gap is filled', () => {
    const order = makePullOrder()
    order.sent(pullRequest('2'))
    expect(seqNumsIn(order.received(chunk('2', [3])))).toEqual([])
    expect(order.waitingSince()).toBeTypeOf('number')
    expect(seqNumsIn(order.received(chunk('2', [1, 2, 3])))).toEqual([1, 2, 3])
    expect(order.waitingSince()).toBeUndefined()
  })

  it('leaves other requests, ended pulls and arrays of frames alone or in order', () => {
    const order = makePullOrder()
    const exit = JSON.stringify({ _tag: 'Exit', requestId: '7', exit: { _tag: 'Success', value: {} } })
    expect(order.received(exit)).toBe(exit)
    order.sent(pullRequest('3', 0))
    const pong = JSON.stringify({ _tag: 'Pong' })
    expect(order.received(pong)).toBe(pong)
    const many = `[${chunk('3', [1])},${chunk('3', [1, 2])}]`
    const ordered = JSON.parse(String(order.received(many))) as unknown[]
    expect(ordered.map((frame) => seqNumsIn(JSON.stringify(frame)))).toEqual([[1], [2]])
    // An interrupted pull is forgotten: later chunks for it pass as they come.
    order.sent(JSON.stringify({ _tag: 'Interrupt', requestId: '3' }))
    expect(order.received(chunk('3', [1]))).toBe(chunk('3', [1]))
  })
})
