// The LiveStore schema: events, tables and materializers of the app in one place, read top to bottom.
// The browser's leader worker and the server's push validation both use this module.
import { Events, makeSchema, Schema, State } from '@livestore/livestore'

/** Longest item text the app accepts; the same limit holds in the UI and on the server. */
export const MAX_ITEM_TEXT_LENGTH = 500

const ItemText = Schema.String.pipe(Schema.trimmed(), Schema.minLength(1), Schema.maxLength(MAX_ITEM_TEXT_LENGTH))

export const tables = {
  items: State.SQLite.table({
    name: 'items',
    columns: {
      id: State.SQLite.text({ primaryKey: true }),
      text: State.SQLite.text({ default: '' }),
      createdAt: State.SQLite.integer({ schema: Schema.DateFromNumber }),
    },
  }),
}

export const events = {
  itemAdded: Events.synced({
    name: 'v1.ItemAdded',
    schema: Schema.Struct({
      id: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(64)),
      text: ItemText,
      createdAt: Schema.Date,
    }),
  }),
}

const materializers = State.SQLite.materializers(events, {
  'v1.ItemAdded': ({ id, text, createdAt }) => tables.items.insert({ id, text, createdAt }).onConflict('id', 'ignore'),
})

const state = State.SQLite.makeState({ tables, materializers })

export const schema = makeSchema({ events, state })
