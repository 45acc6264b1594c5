// The chat's reactive queries: LiveStore re-runs them when the tables they read change.
import { queryDb } from '@livestore/livestore'

import { tables } from '@/lib/livestore/schema'

export const openChannels$ = queryDb(tables.channels.where({ archivedAt: null }).orderBy('createdAt', 'asc'), {
  label: 'openChannels',
})

/**
 * The newest `limit` messages of a channel, newest first: a view reads a window, never the whole channel
 * (the index on channelId, createdAt makes this a short backwards scan at any channel length).
 */
export const latestMessagesIn$ = (channelId: string, limit: number) =>
  queryDb(
    tables.messages
      .where({ channelId })
      .orderBy([
        { col: 'createdAt', direction: 'desc' },
        { col: 'id', direction: 'desc' },
      ])
      .limit(limit),
    {
      label: 'latestMessagesIn',
      deps: [channelId, limit],
    },
  )
