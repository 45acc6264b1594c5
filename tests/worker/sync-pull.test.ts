// LiveStore patches 10 and 11 (scripts/patch-livestore.mjs). A pull sends the log in messages of up to 500 events
// (sync-cf sent 100), read from D1 in pages of 500 rows, so a first open of a large workspace costs the
// leader a fifth of the messages; every event still arrives once and in order.
import { describe, expect, it } from 'vitest'

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
})
