import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { makeConnectionPacer } from '../../lib/livestore/connection-pacer'

describe('the leader worker paces its connection attempts', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }))
  afterEach(() => vi.useRealTimers())

  const turnAfter = async (pacer: ReturnType<typeof makeConnectionPacer>, advanceMs: number, deadlineMs = 8_000) => {
    const turn = pacer.turn(Date.now() + deadlineMs)
    await vi.advanceTimersByTimeAsync(advanceMs)
    return Promise.race([turn, Promise.resolve('waiting' as const)])
  }

  it('tries at once at first, then backs off to at most about 2 s', async () => {
    const pacer = makeConnectionPacer({ random: () => 0.5 })
    expect(await turnAfter(pacer, 0)).toBe(true)
    const waits: number[] = []
    for (let attempt = 0; attempt < 6; attempt++) {
      pacer.failed()
      const from = Date.now()
      const turn = pacer.turn(Date.now() + 8_000)
      let done = false
      void turn.then(() => {
        done = true
      })
      while (!done) await vi.advanceTimersByTimeAsync(50)
      waits.push(Math.round((Date.now() - from) / 50) * 50)
    }
    expect(waits).toEqual([250, 500, 1000, 2000, 2000, 2000])
  })

  it('wakes a waiting attempt at once (network back, page visible, token renewed)', async () => {
    const pacer = makeConnectionPacer({ random: () => 0.5 })
    for (let i = 0; i < 5; i++) pacer.failed()
    const turn = pacer.turn(Date.now() + 8_000)
    await vi.advanceTimersByTimeAsync(100)
    pacer.wake()
    await vi.advanceTimersByTimeAsync(0)
    expect(await Promise.race([turn, Promise.resolve('waiting')])).toBe(true)
  })

  it('does not try while offline, except now and then; a deadline ends the wait', async () => {
    const pacer = makeConnectionPacer({ online: false })
    pacer.failed()
    expect(await turnAfter(pacer, 4_000)).toBe('waiting')
    const late = pacer.turn(Date.now() + 500)
    await vi.advanceTimersByTimeAsync(600)
    expect(await late).toBe(false)
    // Five seconds after the last attempt, one more, in case nobody says the network is back.
    expect(await turnAfter(pacer, 500)).toBe(true)
    pacer.failed()
    expect(await turnAfter(pacer, 100)).toBe('waiting')
    pacer.setOnline(true)
    pacer.wake()
    expect(await turnAfter(pacer, 0)).toBe(true)
  })

  it('waits out the deadline while blocked (access gone)', async () => {
    const pacer = makeConnectionPacer()
    const turn = pacer.turn(Date.now() + 1_000, () => true)
    await vi.advanceTimersByTimeAsync(1_100)
    expect(await turn).toBe(false)
  })
})
