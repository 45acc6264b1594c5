// LiveStore's SubscriptionRef.waitUntil ("waiting for a condition that already holds returns at once",
// scripts/patch-livestore.mjs): the leader calls it for every pulled chunk and twice per push, the shared
// worker for every request. A condition that holds already is answered from the current value, without a
// subscription to the changes stream (unpatched, it always subscribed: the first test fails then); one that
// does not yet hold still waits for the change that makes it hold (the second test guards that, patched or
// not).
import { Effect, Fiber, SubscriptionRef } from '@livestore/utils/effect'
import { expect, test } from 'vitest'

/** A SubscriptionRef that counts how often its changes stream is asked for. */
const countingRef = <A>(initial: A) =>
  Effect.map(SubscriptionRef.make(initial), (ref) => {
    const counter = { subscriptions: 0 }
    const changes = ref.changes
    Object.defineProperty(ref, 'changes', {
      get: () => {
        counter.subscriptions++
        return changes
      },
    })
    return { ref, counter }
  })

test('a condition that already holds is answered from the current value', async () => {
  const result = await Effect.gen(function* () {
    const { ref, counter } = yield* countingRef(true)
    const value = yield* SubscriptionRef.waitUntil(ref, (connected) => connected === true)
    return { value, subscriptions: counter.subscriptions }
  }).pipe(Effect.runPromise)
  expect(result).toEqual({ value: true, subscriptions: 0 })
})

test('a condition that does not hold yet waits for the change that makes it hold', async () => {
  const result = await Effect.gen(function* () {
    const { ref } = yield* countingRef(0)
    const waiting = yield* Effect.fork(SubscriptionRef.waitUntil(ref, (n) => n >= 2))
    yield* SubscriptionRef.set(ref, 1)
    yield* Effect.yieldNow()
    const early = yield* Fiber.poll(waiting)
    yield* SubscriptionRef.set(ref, 2)
    return { early: early._tag, value: yield* Fiber.join(waiting) }
  }).pipe(Effect.runPromise)
  expect(result).toEqual({ early: 'None', value: 2 })
})
