// The leader worker's Effect scheduler ("the leader's scheduler keeps one MessageChannel",
// scripts/patch-livestore.mjs): every round of a fiber's work is a macrotask of its own, sent through a
// MessageChannel. Unpatched, each round made a new channel (the first test counts them: a hundred rounds
// made 107 channels); the rounds still run in order, each after the tasks already queued.
import { Effect, Scheduler } from '@livestore/utils/effect'
import { expect, test } from 'vitest'

const rounds = (name: string, count: number, log: string[]) =>
  Effect.gen(function* () {
    for (let i = 0; i < count; i++) {
      log.push(`${name}${i}`)
      yield* Effect.yieldNow()
    }
  })

test('a hundred rounds of two fibers share one channel and keep their order', async () => {
  const Native = globalThis.MessageChannel
  let created = 0
  globalThis.MessageChannel = class extends Native {
    constructor() {
      super()
      created++
    }
  }
  try {
    const log: string[] = []
    await Effect.all([rounds('a', 50, log), rounds('b', 50, log)], { concurrency: 'unbounded' }).pipe(
      Effect.withScheduler(Scheduler.messageChannel()),
      Effect.runPromise,
    )
    expect(created).toBe(1)
    expect(log.filter((step) => step.startsWith('a'))).toEqual(Array.from({ length: 50 }, (_, i) => `a${i}`))
    expect(log.filter((step) => step.startsWith('b'))).toEqual(Array.from({ length: 50 }, (_, i) => `b${i}`))
    // The two fibers take turns: neither runs all its rounds before the other starts.
    expect(log.indexOf('b0')).toBeLessThan(log.indexOf('a49'))
  } finally {
    globalThis.MessageChannel = Native
  }
})

test('a round is a macrotask: the microtasks queued in one round all run before the next', async () => {
  const log: string[] = []
  const chain = (left: number) => {
    if (left === 0) return log.push('chain done')
    queueMicrotask(() => chain(left - 1))
  }
  await Effect.gen(function* () {
    log.push('r0')
    chain(100)
    yield* Effect.yieldNow()
    log.push('r1')
  }).pipe(Effect.withScheduler(Scheduler.messageChannel()), Effect.runPromise)
  expect(log).toEqual(['r0', 'chain done', 'r1'])
})
