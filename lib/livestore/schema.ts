// The LiveStore schema of a workspace: events, who may commit them, tables and materializers in one
// place, read top to bottom. The browser's leader worker and the Durable Object's push validation both
// use this module.
//
// It belongs to the demo app (channels and messages; UI in components/chat/): a fork replaces this file
// with its own (README, "Replacing the demo"). Two conventions hold for every event,
// whatever the app, because the server and the activity page rely on them:
//   - `userId`: who did it. The Durable Object refuses an event whose userId is not the connection's user.
//   - `at`: when, as a Date (encoded as epoch milliseconds).
import { Events, makeSchema, Schema, State } from '@livestore/livestore'

import type { WorkspaceRole } from '../auth/permissions'

/** Limits shared by the UI and the server: the schema refuses anything longer. */
export const MAX_CHANNEL_NAME_LENGTH = 80
export const MAX_MESSAGE_LENGTH = 4000

const Id = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(64))
const UserId = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(128))
const At = Schema.DateFromNumber.pipe(Schema.validDate())
const ChannelName = Schema.String.pipe(Schema.trimmed(), Schema.minLength(1), Schema.maxLength(MAX_CHANNEL_NAME_LENGTH))
const MessageText = Schema.String.pipe(Schema.trimmed(), Schema.minLength(1), Schema.maxLength(MAX_MESSAGE_LENGTH))

export const tables = {
  channels: State.SQLite.table({
    name: 'channels',
    columns: {
      id: State.SQLite.text({ primaryKey: true }),
      name: State.SQLite.text({ default: '' }),
      createdBy: State.SQLite.text({ default: '' }),
      createdAt: State.SQLite.integer({ schema: Schema.DateFromNumber }),
      archivedAt: State.SQLite.integer({ nullable: true, schema: Schema.DateFromNumber }),
    },
  }),
  messages: State.SQLite.table({
    name: 'messages',
    columns: {
      id: State.SQLite.text({ primaryKey: true }),
      channelId: State.SQLite.text({ default: '' }),
      authorId: State.SQLite.text({ default: '' }),
      text: State.SQLite.text({ default: '' }),
      createdAt: State.SQLite.integer({ schema: Schema.DateFromNumber }),
      editedAt: State.SQLite.integer({ nullable: true, schema: Schema.DateFromNumber }),
      deletedAt: State.SQLite.integer({ nullable: true, schema: Schema.DateFromNumber }),
    },
    indexes: [{ name: 'messages_channel_created', columns: ['channelId', 'createdAt'] }],
  }),
}

export const events = {
  channelCreated: Events.synced({
    name: 'v1.ChannelCreated',
    schema: Schema.Struct({ id: Id, name: ChannelName, userId: UserId, at: At }),
  }),
  channelRenamed: Events.synced({
    name: 'v1.ChannelRenamed',
    schema: Schema.Struct({ id: Id, name: ChannelName, userId: UserId, at: At }),
  }),
  channelArchived: Events.synced({
    name: 'v1.ChannelArchived',
    schema: Schema.Struct({ id: Id, userId: UserId, at: At }),
  }),
  messageSent: Events.synced({
    name: 'v1.MessageSent',
    schema: Schema.Struct({ id: Id, channelId: Id, text: MessageText, userId: UserId, at: At }),
  }),
  messageEdited: Events.synced({
    name: 'v1.MessageEdited',
    schema: Schema.Struct({ id: Id, text: MessageText, userId: UserId, at: At }),
  }),
  messageDeleted: Events.synced({
    name: 'v1.MessageDeleted',
    schema: Schema.Struct({ id: Id, userId: UserId, at: At }),
  }),
}

/** Which roles may commit each event: the sync Durable Object refuses the rest (lib/livestore/event-rules.ts). */
export const eventRights = {
  'v1.ChannelCreated': ['owner', 'admin', 'member'],
  'v1.ChannelRenamed': ['owner', 'admin'],
  'v1.ChannelArchived': ['owner', 'admin'],
  'v1.MessageSent': ['owner', 'admin', 'member'],
  'v1.MessageEdited': ['owner', 'admin', 'member'],
  'v1.MessageDeleted': ['owner', 'admin', 'member'],
} as const satisfies Record<EventName, readonly WorkspaceRole[]>

// Editing and deleting match on the author as well as the id: with the server pinning userId to the
// connection's user, nobody can change someone else's message, whatever a client sends.
const materializers = State.SQLite.materializers(events, {
  'v1.ChannelCreated': ({ id, name, userId, at }) =>
    tables.channels.insert({ id, name, createdBy: userId, createdAt: at }).onConflict('id', 'ignore'),
  'v1.ChannelRenamed': ({ id, name }) => tables.channels.update({ name }).where({ id }),
  'v1.ChannelArchived': ({ id, at }) => tables.channels.update({ archivedAt: at }).where({ id, archivedAt: null }),
  'v1.MessageSent': ({ id, channelId, text, userId, at }) =>
    tables.messages.insert({ id, channelId, authorId: userId, text, createdAt: at }).onConflict('id', 'ignore'),
  'v1.MessageEdited': ({ id, text, userId, at }) =>
    tables.messages.update({ text, editedAt: at }).where({ id, authorId: userId, deletedAt: null }),
  'v1.MessageDeleted': ({ id, userId, at }) =>
    tables.messages.update({ text: '', deletedAt: at }).where({ id, authorId: userId, deletedAt: null }),
})

const state = State.SQLite.makeState({ tables, materializers })

export const schema = makeSchema({ events, state })

export type EventName = (typeof events)[keyof typeof events]['name']
