// The workspace app under test (tests/app-under-test.ts, with lib/livestore/schema.ts) against what the
// template relies on: every event names its user and time, the server's rules accept the app's item
// event and refuse what they must. Runs for the chat demo here, and for the example the README's swap
// steps put in place (scripts/check-example-swap.mjs).
import type { Schema } from '@livestore/livestore'
import { describe, expect, test } from 'vitest'

import { pushedEventProblem } from '@/lib/livestore/event-rules'
import { eventRights, schema } from '@/lib/livestore/schema'

import { fixtures } from '../app-under-test.ts'

const ann = { userId: 'user-ann', role: 'member' as const }

describe('the workspace app against the template', () => {
  test('every event carries userId and at, and lists the roles that may commit it', () => {
    for (const [name, definition] of schema.eventsDefsMap) {
      const fields = Object.keys((definition.schema as unknown as Schema.Struct<Schema.Struct.Fields>).fields ?? {})
      expect(fields, name).toEqual(expect.arrayContaining(['userId', 'at']))
      expect(Object.hasOwn(eventRights, name), name).toBe(true)
    }
  })

  test('an item event from a member is accepted; in another name, refused', () => {
    const item = fixtures.itemEvent({ id: 'i1', text: 'first', userId: ann.userId, at: 1_767_225_600_000 })
    expect(pushedEventProblem(item, ann)).toBeUndefined()
    expect(fixtures.textOf(item.args)).toBe('first')
    expect(item.args.id).toBe('i1')
    expect(pushedEventProblem({ ...item, args: { ...item.args, userId: 'user-bob' } }, ann)).toMatch(
      /names another user/,
    )
  })

  test('arguments that do not decode are refused with the reason the fixtures name', () => {
    const { event, reason } = fixtures.undecodableEvent(ann.userId)
    expect(pushedEventProblem(event, ann)).toBe(`${event.name} ${reason}`)
  })

  test('the managers’ event is refused to a member and accepted from an admin', () => {
    const event = fixtures.managerEvent({ id: 'x1', userId: ann.userId, at: 1_767_225_600_000 })
    expect(pushedEventProblem(event, ann)).toMatch(/not allowed to the member role/)
    expect(pushedEventProblem(event, { ...ann, role: 'admin' })).toBeUndefined()
  })
})
