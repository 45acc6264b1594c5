import { describe, expect, it } from 'vitest'

import { clientMessageProblem, closeReason, screenClientMessage } from '@/lib/sync/client-message'

const storeId = 'store_1'
const request = (tag: string, payload: Record<string, unknown>) =>
  JSON.stringify({ _tag: 'Request', id: '1', tag, payload, headers: [] })

describe('client sync frames', () => {
  it('lets the frames a LiveStore client sends pass', () => {
    const ok = [
      request('SyncWsRpc.Pull', { storeId, cursor: { _tag: 'None' }, live: true }),
      request('SyncWsRpc.Push', { storeId, batch: [], backendId: { _tag: 'None' } }),
      JSON.stringify({ _tag: 'Ack', requestId: '1' }),
      JSON.stringify({ _tag: 'Interrupt', requestId: '1' }),
      JSON.stringify({ _tag: 'Ping' }),
      JSON.stringify([{ _tag: 'Ping' }, { _tag: 'Ack', requestId: '2' }]),
    ]
    for (const frame of ok) expect(clientMessageProblem(frame, storeId)).toBeUndefined()
  })

  it.each([
    ['binary', new ArrayBuffer(4), 'binary frames are not accepted'],
    ['not JSON', '{', 'message is not JSON'],
    ['an empty batch of frames', '[]', 'empty message'],
    ['a bare value', '42', 'unknown message type'],
    ['an unknown frame tag', JSON.stringify({ _tag: 'Exit' }), 'unknown message type'],
    ['an unknown RPC', request('SyncWsRpc.Admin', { storeId }), 'unknown request'],
    [
      'a request without payload',
      JSON.stringify({ _tag: 'Request', id: '1', tag: 'SyncWsRpc.Pull' }),
      'request without payload',
    ],
    ['another store', request('SyncWsRpc.Pull', { storeId: 'store_2' }), 'storeId does not match the connection'],
    ['a push without batch', request('SyncWsRpc.Push', { storeId }), 'push without batch'],
    [
      'a request id that is not a number',
      JSON.stringify({ _tag: 'Request', id: 'head', tag: 'SyncWsRpc.Pull', payload: { storeId }, headers: [] }),
      'request id must be a decimal number',
    ],
    [
      'an ack for no request id',
      JSON.stringify({ _tag: 'Ack', requestId: 'x1' }),
      'requestId must be a decimal number',
    ],
    ['one bad frame among good ones', JSON.stringify([{ _tag: 'Ping' }, { _tag: 'Nope' }]), 'unknown message type'],
    ['an oversized frame', JSON.stringify({ _tag: 'Ping', pad: 'x'.repeat(1_000_000) }), 'message too large'],
  ] as const)('refuses %s', (_label, frame, problem) => {
    expect(clientMessageProblem(frame as string | ArrayBuffer, storeId)).toBe(problem)
  })
})

describe('screening once', () => {
  it('hands over the batches of every push in a frame, for the event checks', () => {
    const frame = JSON.stringify([
      JSON.parse(request('SyncWsRpc.Push', { storeId, batch: [{ name: 'a' }], backendId: { _tag: 'None' } })),
      JSON.parse(request('SyncWsRpc.Pull', { storeId, cursor: { _tag: 'None' }, live: true })),
      JSON.parse(
        request('SyncWsRpc.Push', { storeId, batch: [{ name: 'b' }, { name: 'c' }], backendId: { _tag: 'None' } }),
      ),
    ])
    expect(screenClientMessage(frame, storeId)).toEqual({
      pushBatches: [[{ name: 'a' }], [{ name: 'b' }, { name: 'c' }]],
    })
    expect(screenClientMessage(JSON.stringify({ _tag: 'Ping' }), storeId)).toEqual({ pushBatches: [] })
  })
})

describe('close reasons', () => {
  it('fit the 123 bytes a WebSocket close allows, without cutting a character in half', () => {
    expect(closeReason('short')).toBe('short')
    const long = closeReason(`push refused:${'é'.repeat(100)}`)
    expect(new TextEncoder().encode(long).byteLength).toBeLessThanOrEqual(123)
    expect(long).toMatch(/^push refused:é+…$/)
  })
})
