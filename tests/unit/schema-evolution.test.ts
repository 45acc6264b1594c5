// Changing a live app's LiveStore schema (README, "Changing the schema after launch"), with LiveStore's
// own leader on stores kept on disk between versions: version 2 of a small schema adds a new version of
// an event (v1 kept), changes the materializer of the old one and adds a table. What must hold: a store
// written under version 1 opens under version 2 with its data, events still pending from a version-1
// tab are pushed and accepted, a version-1 tab still open keeps working when version-2 events reach it,
// and the server's rules for version 2 accept version-1 events (and would refuse them, had v1 been removed).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { Events, makeSchema, Schema, State } from '@livestore/livestore'
import { Effect, SubscriptionRef } from '@livestore/utils/effect'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'

import { makePushRules } from '@/lib/livestore/event-rules'

import { commit, eventually, makeMemoryBackend, select, withLeader } from './leader-harness'

const Id = Schema.String
const At = Schema.DateFromNumber
const everyone = ['owner', 'admin', 'member'] as const

// Version 1: notes with a text.
const v1Events = {
  noteAdded: Events.synced({
    name: 'v1.NoteAdded',
    schema: Schema.Struct({ id: Id, text: Schema.String, userId: Schema.String, at: At }),
  }),
}
const v1Tables = {
  notes: State.SQLite.table({
    name: 'notes',
    columns: { id: State.SQLite.text({ primaryKey: true }), text: State.SQLite.text({ default: '' }) },
  }),
}
const v1 = makeSchema({
  events: v1Events,
  state: State.SQLite.makeState({
    tables: v1Tables,
    materializers: State.SQLite.materializers(v1Events, {
      'v1.NoteAdded': ({ id, text }) => v1Tables.notes.insert({ id, text }),
    }),
  }),
})
const v1Rights = { 'v1.NoteAdded': everyone }

// Version 2: v1.NoteAdded is kept as it was; its materializer now records the author (a new column);
// v2.NoteAdded may pin the note (a new table).
const v2Events = {
  noteAddedV1: v1Events.noteAdded,
  noteAdded: Events.synced({
    name: 'v2.NoteAdded',
    schema: Schema.Struct({ id: Id, text: Schema.String, pinned: Schema.Boolean, userId: Schema.String, at: At }),
  }),
}
const v2Tables = {
  notes: State.SQLite.table({
    name: 'notes',
    columns: {
      id: State.SQLite.text({ primaryKey: true }),
      text: State.SQLite.text({ default: '' }),
      authorId: State.SQLite.text({ default: '' }),
    },
  }),
  pins: State.SQLite.table({ name: 'pins', columns: { noteId: State.SQLite.text({ primaryKey: true }) } }),
}
const v2 = makeSchema({
  events: v2Events,
  state: State.SQLite.makeState({
    tables: v2Tables,
    materializers: State.SQLite.materializers(v2Events, {
      'v1.NoteAdded': ({ id, text, userId }) => v2Tables.notes.insert({ id, text, authorId: userId }),
      'v2.NoteAdded': ({ id, text, pinned, userId }) => [
        v2Tables.notes.insert({ id, text, authorId: userId }),
        ...(pinned ? [v2Tables.pins.insert({ noteId: id })] : []),
      ],
    }),
  }),
})
const v2Rights = { 'v1.NoteAdded': everyone, 'v2.NoteAdded': everyone }

const ann = 'user-ann'
const at = new Date('2026-11-01T10:00:00Z')
let directory: string

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'schema-evolution-'))
})
afterEach(() => rmSync(directory, { recursive: true, force: true }))

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)

describe('changing the schema after launch', () => {
  test('a store written under version 1 opens under version 2 with its data, rebuilt by the new materializers', async () => {
    await run(
      withLeader(
        { schema: v1, directory },
        Effect.gen(function* () {
          yield* commit(v1Events.noteAdded({ id: 'n1', text: 'first', userId: ann, at }))
          yield* commit(v1Events.noteAdded({ id: 'n2', text: 'second', userId: ann, at }))
        }),
      ),
    )
    // The table changed, so version 2 has a state database of its own, materialized from the event log.
    expect(v2.state.sqlite.hash).not.toBe(v1.state.sqlite.hash)
    const rows = await run(
      withLeader(
        { schema: v2, directory },
        Effect.gen(function* () {
          yield* commit(v2Events.noteAdded({ id: 'n3', text: 'third', pinned: true, userId: ann, at }))
          return {
            notes: yield* select<{ id: string; text: string; authorId: string }>(
              'SELECT id, text, authorId FROM notes ORDER BY id',
            ),
            pins: yield* select<{ noteId: string }>('SELECT noteId FROM pins'),
          }
        }),
      ),
    )
    expect(rows.notes).toEqual([
      { id: 'n1', text: 'first', authorId: ann },
      { id: 'n2', text: 'second', authorId: ann },
      { id: 'n3', text: 'third', authorId: ann },
    ])
    expect(rows.pins).toEqual([{ noteId: 'n3' }])
  })

  test('a materializer changed alone applies to new events only: history is rebuilt when a table changes', async () => {
    // Same tables as version 1 (same schema hash, same state database), a materializer that upper-cases.
    const shouting = makeSchema({
      events: v1Events,
      state: State.SQLite.makeState({
        tables: v1Tables,
        materializers: State.SQLite.materializers(v1Events, {
          'v1.NoteAdded': ({ id, text }) => v1Tables.notes.insert({ id, text: text.toUpperCase() }),
        }),
      }),
    })
    expect(shouting.state.sqlite.hash).toBe(v1.state.sqlite.hash)
    await run(
      withLeader({ schema: v1, directory }, commit(v1Events.noteAdded({ id: 'n1', text: 'before', userId: ann, at }))),
    )
    const notes = await run(
      withLeader(
        { schema: shouting, directory },
        Effect.gen(function* () {
          yield* commit(v1Events.noteAdded({ id: 'n2', text: 'after', userId: ann, at }))
          return yield* select<{ id: string; text: string }>('SELECT id, text FROM notes ORDER BY id')
        }),
      ),
    )
    expect(notes).toEqual([
      { id: 'n1', text: 'before' },
      { id: 'n2', text: 'AFTER' },
    ])
  })

  test('events still pending from a version-1 tab are pushed after the upgrade, and version 2 accepts them', async () => {
    const server = await run(makeMemoryBackend)
    await run(SubscriptionRef.set(server.connected, false))
    await run(
      withLeader(
        { schema: v1, directory, backend: server.backend },
        Effect.gen(function* () {
          yield* commit(v1Events.noteAdded({ id: 'offline-1', text: 'written offline', userId: ann, at }))
          yield* commit(v1Events.noteAdded({ id: 'offline-2', text: 'also offline', userId: ann, at }))
        }),
      ),
    )
    expect(server.stored).toEqual([])
    // The tab reloads on the new version and comes back online.
    await run(SubscriptionRef.set(server.connected, true))
    await run(
      withLeader(
        { schema: v2, directory, backend: server.backend },
        eventually('the pending events reach the server', () => server.stored.length === 2),
      ),
    )
    expect(server.stored.map((event) => [event.name, (event.args as { id: string }).id])).toEqual([
      ['v1.NoteAdded', 'offline-1'],
      ['v1.NoteAdded', 'offline-2'],
    ])
    // What the Durable Object checks, with the rules of version 2.
    const rules = makePushRules({ schema: v2, eventRights: v2Rights })
    expect(rules.pushedBatchProblem(server.stored, { userId: ann, role: 'member' })).toBeUndefined()
    // Had version 2 dropped v1.NoteAdded, the server would refuse them: keep every event you ever shipped.
    const withoutV1 = makeSchema({
      events: { noteAdded: v2Events.noteAdded },
      state: State.SQLite.makeState({ tables: v2Tables, materializers: v2.state.materializers as never }),
    })
    expect(
      makePushRules({ schema: withoutV1, eventRights: { 'v2.NoteAdded': everyone } }).pushedBatchProblem(
        server.stored,
        {
          userId: ann,
          role: 'member',
        },
      ),
    ).toMatch(/unknown event "v1.NoteAdded"/)
    expect(
      makePushRules({ schema: v1, eventRights: v1Rights }).pushedBatchProblem(server.stored, {
        userId: ann,
        role: 'member',
      }),
    ).toBeUndefined()
  })

  test('a version-1 tab still open passes over version-2 events and keeps syncing its own', async () => {
    const server = await run(makeMemoryBackend)
    const seen = await run(
      withLeader(
        { schema: v1, directory, backend: server.backend },
        Effect.gen(function* () {
          yield* commit(v1Events.noteAdded({ id: 'old-1', text: 'from the old tab', userId: ann, at }))
          yield* eventually('the first note is pushed', () => server.stored.length === 1)
          // Someone on version 2 adds a pinned note: the old tab does not know v2.NoteAdded.
          const pinned = v2Events.noteAdded({ id: 'new-1', text: 'pinned', pinned: true, userId: 'user-bob', at })
          yield* server.inject([{ name: pinned.name, args: { ...pinned.args, at: at.getTime() } }])
          yield* Effect.sleep(200)
          yield* commit(v1Events.noteAdded({ id: 'old-2', text: 'still syncing', userId: ann, at }))
          yield* eventually('the old tab keeps pushing', () => server.stored.length === 3)
          return yield* select<{ id: string }>('SELECT id FROM notes ORDER BY id')
        }),
      ),
    )
    expect(server.stored.map((event) => event.name)).toEqual(['v1.NoteAdded', 'v2.NoteAdded', 'v1.NoteAdded'])
    // Its state has what it can read; after a reload on version 2 it has the rest.
    expect(seen).toEqual([{ id: 'old-1' }, { id: 'old-2' }])
  })
})
