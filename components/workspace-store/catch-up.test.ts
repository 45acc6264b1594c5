import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { followCatchUp } from './catch-up'

/** A session whose head the test moves, calling back its subscribers like LiveStore's sync status. */
const session = (head: number) => {
  const listeners = new Set<() => void>()
  return {
    source: {
      head: () => head,
      subscribe: (changed: () => void) => {
        listeners.add(changed)
        return () => listeners.delete(changed)
      },
    },
    moveTo: (next: number) => {
      head = next
      for (const listener of [...listeners]) listener()
    },
    listeners,
  }
}

describe('following a store until it has caught up with the preview', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  const follow = (s: ReturnType<typeof session>, target: number) => {
    const progress: number[] = []
    const done: number[] = []
    const stop = followCatchUp(s.source, target, {
      noProgressMs: 5_000,
      onProgress: (head) => progress.push(head),
      onDone: (head) => done.push(head),
    })
    return { progress, done, stop }
  }

  it('is done at once when the session caught up before following began (no change will come)', () => {
    const s = session(7)
    const { done } = follow(s, 7)
    expect(done).toEqual([7])
    expect(s.listeners.size).toBe(0)
  })

  it('reports progress and is done when the head reaches the target', () => {
    const s = session(0)
    const { progress, done } = follow(s, 10)
    s.moveTo(4)
    s.moveTo(4)
    s.moveTo(9)
    expect(progress).toEqual([4, 9])
    expect(done).toEqual([])
    s.moveTo(12)
    expect(done).toEqual([12])
    expect(s.listeners.size).toBe(0)
    vi.advanceTimersByTime(10_000)
    expect(done).toEqual([12])
  })

  it('gives up once the head has not moved for the no-progress time, counted from the last move', () => {
    const s = session(0)
    const { done } = follow(s, 10)
    vi.advanceTimersByTime(4_000)
    s.moveTo(3)
    vi.advanceTimersByTime(4_000)
    expect(done).toEqual([])
    vi.advanceTimersByTime(1_000)
    expect(done).toEqual([3])
    expect(s.listeners.size).toBe(0)
  })

  it('stops following when stopped (the page left), without calling back', () => {
    const s = session(0)
    const { done, progress, stop } = follow(s, 10)
    stop()
    s.moveTo(20)
    vi.advanceTimersByTime(10_000)
    expect(done).toEqual([])
    expect(progress).toEqual([])
    expect(s.listeners.size).toBe(0)
  })
})
