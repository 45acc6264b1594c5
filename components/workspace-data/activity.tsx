'use client'

// Recent activity of the workspace, read from the local event log (events the server has confirmed),
// live: new events appear as they sync. Every event names its user and time (lib/livestore/schema.ts);
// the workspace app says what each one did (components/workspace-app.ts).
import { EventSequenceNumber } from '@livestore/livestore'
import { useEffect, useState } from 'react'
import { workspaceApp } from '@/components/workspace-app'
import { StoreIsland, useWorkspaceStore } from '@/components/workspace-store/store'
import { useMemberName } from '@/components/workspace-store/workspace-context'

const SHOWN = 200

type Entry = { key: string; name: string; userId: string; at: Date; args: Record<string, unknown> }

const entryOf = (event: { name: string; args: unknown; seqNum: unknown }): Entry | undefined => {
  const args = event.args as Record<string, unknown> | null
  if (args === null || typeof args !== 'object' || typeof args.userId !== 'string' || !(args.at instanceof Date))
    return undefined
  return { key: JSON.stringify(event.seqNum), name: event.name, userId: args.userId, at: args.at, args }
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

function ActivityList() {
  const store = useWorkspaceStore()
  const nameOf = useMemberName()
  const describeEvent = workspaceApp.useDescribeEvent()
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

  if (loaded && entries.length === 0) return <p className="text-sm text-zinc-500">No activity yet.</p>
  return (
    <ol aria-label="Recent activity" className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
      {entries.map((entry) => (
        <li key={entry.key} className="flex flex-wrap items-baseline gap-x-2 py-2 text-sm" data-testid="activity">
          <span className="font-medium">{nameOf(entry.userId)}</span>
          <span>{describeEvent(entry)}</span>
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
    <StoreIsland main>
      <ActivityList />
    </StoreIsland>
  )
}
