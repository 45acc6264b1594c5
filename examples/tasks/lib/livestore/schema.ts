// The LiveStore schema of a workspace running the task list example: events, who may commit them,
// tables and materializers in one place, read top to bottom. The browser's leader worker and the
// Durable Object's push validation both use this module. Every event carries `userId` (who did it: the
// Durable Object refuses one whose userId is not the connection's user) and `at` (when, as a Date).
import { Events, makeSchema, Schema, State } from '@livestore/livestore'

import type { WorkspaceRole } from '../auth/permissions'

/** The longest task title: the UI and the server both hold to it. */
export const MAX_TASK_TITLE_LENGTH = 200

const Id = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(64))
const UserId = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(128))
const At = Schema.DateFromNumber.pipe(Schema.validDate())
const Title = Schema.String.pipe(Schema.trimmed(), Schema.minLength(1), Schema.maxLength(MAX_TASK_TITLE_LENGTH))

export const tables = {
  tasks: State.SQLite.table({
    name: 'tasks',
    columns: {
      id: State.SQLite.text({ primaryKey: true }),
      title: State.SQLite.text({ default: '' }),
      createdBy: State.SQLite.text({ default: '' }),
      createdAt: State.SQLite.integer({ schema: Schema.DateFromNumber }),
      completedAt: State.SQLite.integer({ nullable: true, schema: Schema.DateFromNumber }),
      deletedAt: State.SQLite.integer({ nullable: true, schema: Schema.DateFromNumber }),
    },
    indexes: [{ name: 'tasks_created', columns: ['createdAt'] }],
  }),
}

export const events = {
  taskAdded: Events.synced({
    name: 'v1.TaskAdded',
    schema: Schema.Struct({ id: Id, title: Title, userId: UserId, at: At }),
  }),
  taskCompleted: Events.synced({ name: 'v1.TaskCompleted', schema: Schema.Struct({ id: Id, userId: UserId, at: At }) }),
  taskReopened: Events.synced({ name: 'v1.TaskReopened', schema: Schema.Struct({ id: Id, userId: UserId, at: At }) }),
  taskDeleted: Events.synced({ name: 'v1.TaskDeleted', schema: Schema.Struct({ id: Id, userId: UserId, at: At }) }),
}

export type EventName = (typeof events)[keyof typeof events]['name']

/** Which roles may commit each event: anyone adds and ticks tasks, owners and admins delete them. */
export const eventRights = {
  'v1.TaskAdded': ['owner', 'admin', 'member'],
  'v1.TaskCompleted': ['owner', 'admin', 'member'],
  'v1.TaskReopened': ['owner', 'admin', 'member'],
  'v1.TaskDeleted': ['owner', 'admin'],
} as const satisfies Record<EventName, readonly WorkspaceRole[]>

const materializers = State.SQLite.materializers(events, {
  'v1.TaskAdded': ({ id, title, userId, at }) =>
    tables.tasks.insert({ id, title, createdBy: userId, createdAt: at }).onConflict('id', 'ignore'),
  'v1.TaskCompleted': ({ id, at }) => tables.tasks.update({ completedAt: at }).where({ id }),
  'v1.TaskReopened': ({ id }) => tables.tasks.update({ completedAt: null }).where({ id }),
  'v1.TaskDeleted': ({ id, at }) => tables.tasks.update({ deletedAt: at }).where({ id, deletedAt: null }),
})

const state = State.SQLite.makeState({ tables, materializers })

export const schema = makeSchema({ events, state })
