// The chat's reactive queries: LiveStore re-runs them when the tables they read change.
import { queryDb } from '@livestore/livestore'

import { tables } from '@/lib/livestore/schema'

export const openChannels$ = queryDb(tables.channels.where({ archivedAt: null }).orderBy('createdAt', 'asc'), {
  label: 'openChannels',
})

export const messagesIn$ = (channelId: string) =>
  queryDb(
    tables.messages.where({ channelId }).orderBy([
      { col: 'createdAt', direction: 'asc' },
      { col: 'id', direction: 'asc' },
    ]),
    {
      label: 'messagesIn',
      deps: [channelId],
    },
  )
