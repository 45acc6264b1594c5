'use client'

// The sync status indicator, following the seed's connection lifecycle: offline, connecting, syncing,
// synced, or access denied, with the number of local events the server does not have yet.
import { StoreInternalsSymbol } from '@livestore/livestore'
import { useCallback, useEffect, useState } from 'react'

import { CONNECTIVITY_CHANNEL, OFFLINE_MESSAGE, type SyncAccessMessage } from '@/lib/livestore/sync-access'
import { disposeStores, useWorkspaceStore } from './store'
import { type AccessState, isSigningOutHere, useSyncAccess, useSyncReports } from './sync-access'
import { useWorkspace } from './workspace-context'

export type SyncPhase = 'offline' | 'connecting' | 'syncing' | 'synced' | 'denied'

type Reading = { online: boolean; connected: boolean; pending: number }

const POLL_MS = 400

const phaseOf = (access: AccessState, { online, connected, pending }: Reading): SyncPhase => {
  if (access.state !== 'ok') return 'denied'
  if (!online) return 'offline'
  if (!connected) return 'connecting'
  return pending > 0 ? 'syncing' : 'synced'
}

const LABELS: Record<SyncPhase, string> = {
  offline: 'Offline',
  connecting: 'Connecting…',
  syncing: 'Syncing…',
  synced: 'Synced',
  denied: 'Access denied',
}

const DOT: Record<SyncPhase, string> = {
  offline: 'bg-zinc-400',
  connecting: 'bg-amber-400',
  syncing: 'bg-sky-500',
  synced: 'bg-emerald-500',
  denied: 'bg-red-600',
}

/** Reads the leader's connection and its queue of events not yet pushed; the leader may be another tab. */
const useSyncReading = (): Reading => {
  const store = useWorkspaceStore()
  const [reading, setReading] = useState<Reading>({ online: true, connected: false, pending: 0 })
  useEffect(() => {
    const leader = store[StoreInternalsSymbol].clientSession.leaderThread
    let stopped = false
    const read = async () => {
      const { Effect } = await import('effect')
      const [network, leaderState] = await Promise.all([
        Effect.runPromise(leader.networkStatus.get),
        Effect.runPromise(leader.syncState.get),
      ])
      const session = store.syncStatus()
      if (stopped) return
      const next = {
        online: navigator.onLine,
        connected: network.isConnected,
        // The session's queue and the leader's overlap (an event stays pending in both until pushed).
        pending: Math.max(leaderState.pending.length, session.pendingCount),
      }
      setReading((prev) =>
        prev.online === next.online && prev.connected === next.connected && prev.pending === next.pending ? prev : next,
      )
    }
    const tick = () =>
      read()
        .catch(() => undefined)
        .finally(() => {
          if (!stopped) timer = setTimeout(tick, POLL_MS)
        })
    let timer = setTimeout(tick, 0)
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [store])
  return reading
}

/** Signed out in another tab: close this tab's stores (so their files can be deleted) and leave. */
const useCloseOnSignOut = (storeId: string) => {
  const onMessage = useCallback(async (message: SyncAccessMessage) => {
    if (message.type !== 'signed-out' || isSigningOutHere()) return
    await disposeStores()
    window.location.assign('/sign-in')
  }, [])
  useSyncReports(storeId, onMessage)
}

/** Tells the leader worker (maybe in another tab) when this page's browser goes offline. */
const useReportOffline = () => {
  useEffect(() => {
    const channel = new BroadcastChannel(CONNECTIVITY_CHANNEL)
    const report = () => channel.postMessage(OFFLINE_MESSAGE)
    window.addEventListener('offline', report)
    return () => {
      window.removeEventListener('offline', report)
      channel.close()
    }
  }, [])
}

export function SyncStatus() {
  useReportOffline()
  const { storeId } = useWorkspace()
  const { access } = useSyncAccess(storeId)
  useCloseOnSignOut(storeId)
  const reading = useSyncReading()
  const phase = phaseOf(access, reading)
  return (
    <p role="status" data-testid="sync-status" data-phase={phase} className="flex items-center gap-2 text-xs">
      <span aria-hidden className={`inline-block size-2 rounded-full ${DOT[phase]}`} />
      <span>{LABELS[phase]}</span>
      {reading.pending > 0 && (
        <span data-testid="sync-pending" className="text-zinc-500">
          {reading.pending} not yet synced
        </span>
      )}
    </p>
  )
}
