'use client'

// Recent activity of the workspace, read from the local event log (events the server has confirmed),
// live: new events appear as they sync. Every event names its user and time (lib/livestore/schema.ts).
import { EventSequenceNumber, queryDb } from '@livestore/livestore'
import { useEffect, useState } from 'react'

import { StoreIsland, useWorkspaceStore } from '@/components/workspace-store/store'
import { useMemberName } from '@/components/workspace-store/workspace-context'
import { tables } from '@/lib/livestore/schema'

const SHOWN = 200

type Entry = { key: string; name: string; userId: string; at: Date; channelId?: string; channelName?: string }

const allChannels$ = queryDb(tables.channels, { label: 'allChannels' })

const entryOf = (event: { name: string; args: unknown; seqNum: unknown }): Entry | undefined => {
  const args = event.args as { userId?: unknown; at?: unknown; id?: unknown; channelId?: unknown; name?: unknown }
  if (typeof args.userId !== 'string' || !(args.at instanceof Date)) return undefined
  const channelId =
    typeof args.channelId === 'string'
      ? args.channelId
      : event.name.startsWith('v1.Channel') && typeof args.id === 'string'
        ? args.id
        : undefined
  return {
    key: JSON.stringify(event.seqNum),
    name: event.name,
    userId: args.userId,
    at: args.at,
    ...(channelId === undefined ? {} : { channelId }),
    ...(typeof args.name === 'string' ? { channelName: args.name } : {}),
  }
}

const describeEntry = (entry: Entry, channelName: string) => {
  switch (entry.name) {
    case 'v1.ChannelCreated':
      return `created #${entry.channelName ?? channelName}`
    case 'v1.ChannelRenamed':
      return `renamed a channel to #${entry.channelName ?? channelName}`
    case 'v1.ChannelArchived':
      return `archived #${channelName}`
    case 'v1.MessageSent':
      return `sent a message in #${channelName}`
    case 'v1.MessageEdited':
      return 'edited a message'
    case 'v1.MessageDeleted':
      return 'deleted a message'
    default:
      return entry.name
  }
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

function ActivityList() {
  const store = useWorkspaceStore()
  const nameOf = useMemberName()
  const channels = store.useQuery(allChannels$)
  const [entries, setEntries] = useState<Entry[]>([])
  const [loaded, setLoaded] = useState(false)

  useEffect(() => {
    // Only the newest events are shown: start just before them instead of reading the log from its start.
    const confirmed = EventSequenceNumber.Client.fromString(store.syncStatus().upstreamHead).global
    const since = EventSequenceNumber.Client.fromGlobal(EventSequenceNumber.Global.make(Math.max(0, confirmed - SHOWN)))
    const iterator = store.events({ since })[Symbol.asyncIterator]()
    let stopped = false
    let pending: Entry[] = []
    let flush: ReturnType<typeof setTimeout> | undefined
    const scheduleFlush = () => {
      flush ??= setTimeout(() => {
        flush = undefined
        const newestFirst = pending.reverse()
        pending = []
        setEntries((current) => [...newestFirst, ...current].slice(0, SHOWN))
        setLoaded(true)
      }, 50)
    }
    void (async () => {
      scheduleFlush()
      for (;;) {
        const next = await iterator.next().catch(() => ({ done: true, value: undefined }) as const)
        if (stopped || next.done) return
        const entry = entryOf(next.value)
        if (entry !== undefined) {
          pending.push(entry)
          scheduleFlush()
        }
      }
    })()
    return () => {
      stopped = true
      clearTimeout(flush)
      void iterator.return?.()
    }
  }, [store])

  const channelNames = new Map(channels.map((c) => [c.id, c.name]))
  if (loaded && entries.length === 0) return <p className="text-sm text-zinc-500">No activity yet.</p>
  return (
    <ol aria-label="Recent activity" className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
      {entries.map((entry) => (
        <li key={entry.key} className="flex flex-wrap items-baseline gap-x-2 py-2 text-sm" data-testid="activity">
          <span className="font-medium">{nameOf(entry.userId)}</span>
          <span>{describeEntry(entry, channelNames.get(entry.channelId ?? '') ?? 'a channel')}</span>
          <time className="ml-auto text-xs text-zinc-500" dateTime={entry.at.toISOString()}>
            {timeFormat.format(entry.at)}
          </time>
        </li>
      ))}
    </ol>
  )
}

export function Activity() {
  return (
    <StoreIsland>
      <ActivityList />
    </StoreIsland>
  )
}
