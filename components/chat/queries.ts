// The chat's reactive queries: LiveStore re-runs them when the tables they read change.
import { queryDb } from '@livestore/livestore'

import { queryRowsReused } from '@/lib/livestore/reused-rows'
import { tables } from '@/lib/livestore/schema'

export const openChannels$ = queryDb(tables.channels.where({ archivedAt: null }).orderBy('createdAt', 'asc'), {
  label: 'openChannels',
})

/**
 * The newest `limit` messages of a channel, newest first: a view reads a window, never the whole channel
 * (the index on channelId, createdAt makes this a short backwards scan at any channel length). Each send
 * re-reads the window; rows already decoded and unchanged are reused (`queryRowsReused`).
 */
export const latestMessagesIn$ = (channelId: string, limit: number) =>
  queryRowsReused(
    tables.messages
      .where({ channelId })
      .orderBy([
        { col: 'createdAt', direction: 'desc' },
        { col: 'id', direction: 'desc' },
      ])
      .limit(limit),
    tables.messages.rowSchema,
    { label: 'latestMessagesIn', deps: [channelId, limit] },
  )
