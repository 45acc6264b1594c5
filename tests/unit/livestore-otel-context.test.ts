// A tab's LiveStore with no OTel tracer given ("a tab with no OTel tracer runs its fibers without an OTel
// context per step", scripts/patch-livestore.mjs). Unpatched, every operation of a fiber with a span ran inside
// `otel.context.with` (the first test counts 121 for 100 steps); spans are still made, and a tracer given
// still carries them in OTel's context (the second test).
import { provideOtel } from '@livestore/common'
import { makeNoopTracer } from '@livestore/utils'
import { Effect, OtelTracer } from '@livestore/utils/effect'
import * as otel from '@opentelemetry/api'
import { afterEach, beforeEach, expect, test } from 'vitest'

// OTel's API delegates to the global context manager: a stack of contexts, counting how often it is entered.
let entered = 0
let stack: otel.Context[] = []
const countingContextManager: otel.ContextManager = {
  active: () => stack.at(-1) ?? otel.ROOT_CONTEXT,
  with: (context, fn, thisArg, ...args) => {
    entered++
    stack.push(context)
    try {
      return fn.call(thisArg, ...args)
    } finally {
      stack.pop()
    }
  },
  bind: (_context, target) => target,
  enable() {
    return this
  },
  disable() {
    stack = []
    return this
  },
}

beforeEach(() => {
  entered = 0
  otel.context.setGlobalContextManager(countingContextManager)
})
afterEach(() => otel.context.disable())

/** 100 steps in a span; answers the span LiveStore reads and the OTel span active in the last step. */
const steps = Effect.gen(function* () {
  let total = 0
  for (let i = 0; i < 100; i++) total += yield* Effect.sync(() => i)
  const span = yield* OtelTracer.currentOtelSpan
  return { total, span, active: otel.trace.getSpan(otel.context.active()) }
}).pipe(Effect.withSpan('steps'))

test('with no tracer given, the steps run without an OTel context, and the span is still there', async () => {
  const { total, span } = await Effect.runPromise(steps.pipe(provideOtel({})))
  expect(total).toBe(4950)
  expect(span).toBeDefined()
  expect(entered).toBe(0)
})

test('a tracer given still carries the span in OTel’s context', async () => {
  const { span, active } = await Effect.runPromise(steps.pipe(provideOtel({ otelTracer: makeNoopTracer() })))
  expect(active).toBe(span)
  expect(entered).toBeGreaterThan(100)
})
