// LiveStore patches 10, 11 and 16 (scripts/patch-livestore.mjs). A pull sends the log in messages of up to 500 events
// (sync-cf sent 100), read from D1 in pages of 500 rows, so a first open of a large workspace costs the
// leader a fifth of the messages; every event still arrives once and in order.
import { MAX_WS_MESSAGE_BYTES, SyncMessage } from '@livestore/sync-cf/common'
import { describe, expect, it, vi } from 'vitest'

import { itemEvents, makeWorkspace } from './sync-client'

describe('pulling a long log', () => {
  it('comes in messages of up to 500 events, every event once and in order', async () => {
    const { userIds, connect } = await makeWorkspace({ ann: 'owner' })
    const ann = await connect('ann')
    const texts = Array.from({ length: 1_200 }, (_, i) => `item ${i + 1}`)
    for (let start = 0; start < texts.length; start += 100) {
      const batch = itemEvents(userIds.ann!, texts.slice(start, start + 100), { firstSeqNum: start + 1 })
      expect((await ann.push(batch)) as unknown).toMatchObject({ _tag: 'Success' })
    }
    const messages = await ann.pullMessages()
    expect(messages.map((message) => message.length)).toEqual([500, 500, 200])
    expect(messages.flat().map((event) => event.seqNum)).toEqual(texts.map((_, i) => i + 1))
    ann.close()
  })
})

// LiveStore patch 11: a push may carry 500 events (sync-cf: 100), and the other members get it as one message.
describe('pushing a backlog', () => {
  it('takes 500 events in one push and broadcasts them to the others as one message', async () => {
    const { userIds, connect } = await makeWorkspace({ ann: 'owner', bob: 'member' })
    const ann = await connect('ann')
    const bob = await connect('bob')
    const live = await bob.pullLive(0)
    const texts = Array.from({ length: 500 }, (_, i) => `offline ${i + 1}`)
    expect((await ann.push(itemEvents(userIds.ann!, texts))) as unknown).toMatchObject({ _tag: 'Success' })
    const messages = await bob.until(() => (live.received().flat().length >= 500 ? live.received() : undefined))
    expect(messages.map((message) => message.length)).toEqual([500])
    expect(messages.flat().map((event) => event.seqNum)).toEqual(texts.map((_, i) => i + 1))
    ann.close()
    bob.close()
  })

  // Patch 16: the broadcast is encoded once, and its messages cut from the encoded events.
  it('encodes the broadcast once, not once per event', async () => {
    const { userIds, connect } = await makeWorkspace({ ann: 'owner', bob: 'member' })
    const ann = await connect('ann')
    const bob = await connect('bob')
    const live = await bob.pullLive(0)
    const made = vi.spyOn(SyncMessage.PullResponse, 'make')
    try {
      const texts = Array.from({ length: 500 }, (_, i) => `counted ${i + 1}`)
      expect((await ann.push(itemEvents(userIds.ann!, texts))) as unknown).toMatchObject({ _tag: 'Success' })
      await bob.until(() => (live.received().flat().length >= 500 ? true : undefined))
      // sync-cf built (and validated) a response per event to measure it: 502 for this push.
      expect(made.mock.calls.length).toBeLessThanOrEqual(2)
    } finally {
      made.mockRestore()
    }
    ann.close()
    bob.close()
  })

  it('cuts a broadcast too large for one frame into messages under the limit, each event once with its metadata', async () => {
    const { userIds, connect } = await makeWorkspace({ ann: 'owner', bob: 'member' })
    const ann = await connect('ann')
    const bob = await connect('bob')
    const live = await bob.pullLive(0)
    // Events sized so that the push fits one frame but the broadcast, where each event gains its metadata
    // (~100 bytes), does not.
    const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).byteLength
    // (Later events have longer ids and numbers: a margin of a few bytes each.)
    const perEvent = Math.floor((MAX_WS_MESSAGE_BYTES - 6_000) / 500)
    // What an event is without its text (the text may appear more than once in it), and the comma after it.
    const withText = (text: string) => bytes(itemEvents(userIds.ann!, [text])[0])
    const perChar = withText('xx') - withText('x')
    const textLength = Math.floor((perEvent - 1 - (withText('x') - perChar)) / perChar)
    const texts = Array.from({ length: 500 }, (_, i) => `${i + 1} `.padEnd(textLength, 'x'))
    const batch = itemEvents(userIds.ann!, texts)
    expect(bytes(batch)).toBeLessThan(MAX_WS_MESSAGE_BYTES - 1_000)
    expect((await ann.push(batch)) as unknown).toMatchObject({ _tag: 'Success' })

    const messages = await bob.until(() => (live.received().flat().length >= 500 ? live.messages() : undefined))
    expect(messages.length).toBe(2)
    for (const message of messages) expect(message.bytes).toBeLessThanOrEqual(MAX_WS_MESSAGE_BYTES)
    expect(live.received().flat()).toEqual(batch)
    const responses = messages.flatMap((message) => message.values) as Array<Record<string, unknown>>
    // One push, one time of writing, carried by every event.
    const createdAt = (responses[0]!.batch as Array<{ metadata: { value: { createdAt: string } } }>)[0]!.metadata.value
      .createdAt
    expect(new Date(createdAt).toISOString()).toBe(createdAt)
    for (const response of responses) {
      expect(Object.keys(response).sort()).toEqual(['backendId', 'batch', 'pageInfo'])
      expect(response.pageInfo).toEqual({ _tag: 'NoMore' })
      for (const item of response.batch as Array<{ metadata: unknown }>) {
        expect(item.metadata).toEqual({ _tag: 'Some', value: { _tag: 'SyncMessage.SyncMetadata', createdAt } })
      }
    }
    ann.close()
    bob.close()
  })
})
