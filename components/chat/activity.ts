'use client'

// How the activity page describes the chat's events: channel events name their channel.
import { queryDb } from '@livestore/livestore'
import { useCallback } from 'react'

import { useWorkspaceStore } from '@/components/workspace-store/store'
import { tables } from '@/lib/livestore/schema'
import type { AppEvent } from '@/lib/workspace-app'

const allChannels$ = queryDb(tables.channels, { label: 'allChannels' })

export const useDescribeEvent = () => {
  const channels = useWorkspaceStore().useQuery(allChannels$)
  return useCallback(
    ({ name, args }: AppEvent) => {
      const channelId =
        typeof args.channelId === 'string' ? args.channelId : name.startsWith('v1.Channel') ? args.id : undefined
      const current = channels.find((channel) => channel.id === channelId)?.name ?? 'a channel'
      // Creation and renaming carry the name they gave; later renames do not rewrite history.
      const given = typeof args.name === 'string' ? args.name : current
      switch (name) {
        case 'v1.ChannelCreated':
          return `created #${given}`
        case 'v1.ChannelRenamed':
          return `renamed a channel to #${given}`
        case 'v1.ChannelArchived':
          return `archived #${current}`
        case 'v1.MessageSent':
          return `sent a message in #${current}`
        case 'v1.MessageEdited':
          return 'edited a message'
        case 'v1.MessageDeleted':
          return 'deleted a message'
        default:
          return name
      }
    },
    [channels],
  )
}
