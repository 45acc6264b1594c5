'use client'

// The sync status indicator, following the seed's connection lifecycle: offline, connecting, syncing,
// synced, or access denied, with the number of local events the server does not have yet.
import { StoreInternalsSymbol } from '@livestore/livestore'
import { useCallback, useEffect, useState } from 'react'

import { relayConnectivity } from '@/lib/livestore/connectivity'
import type { SyncAccessMessage } from '@/lib/livestore/sync-access'
import { disposeStores, useWorkspaceStore } from './store'
import { type AccessState, isSigningOutHere, useSyncAccess, useSyncReports } from './sync-access'
import { useWorkspace } from './workspace-context'

export type SyncPhase = 'offline' | 'connecting' | 'syncing' | 'stalled' | 'synced' | 'stopped' | 'denied'

type Reading = {
  online: boolean
  connected: boolean
  pending: number
  /** The leader stopped answering (its client session shut down): nothing syncs until a reload. */
  stopped: boolean
  /** Events wait, the connection is up, and none has been confirmed for a while. */
  stalled: boolean
}

const POLL_MS = 400
/** A read of the leader's state that takes longer than this counts as unanswered. */
const READ_TIMEOUT_MS = 3_000
/** Unanswered reads in a row before the indicator says sync has stopped. */
const STOPPED_AFTER_FAILED_READS = 3
/** Pending events with no confirmation this long, while connected: say so rather than "Syncing…". */
const STALLED_AFTER_MS = 15_000

const phaseOf = (access: AccessState, { online, connected, pending, stopped, stalled }: Reading): SyncPhase => {
  if (access.state !== 'ok') return 'denied'
  if (stopped) return 'stopped'
  if (!online) return 'offline'
  if (!connected) return 'connecting'
  if (pending === 0) return 'synced'
  return stalled ? 'stalled' : 'syncing'
}

const LABELS: Record<SyncPhase, string> = {
  offline: 'Offline',
  connecting: 'Connecting…',
  syncing: 'Syncing…',
  stalled: 'Waiting for the server…',
  synced: 'Synced',
  stopped: 'Sync stopped',
  denied: 'Access denied',
}

const DOT: Record<SyncPhase, string> = {
  offline: 'bg-zinc-400',
  connecting: 'bg-amber-400',
  syncing: 'bg-sky-500',
  stalled: 'bg-amber-500',
  synced: 'bg-emerald-500',
  stopped: 'bg-red-600',
  denied: 'bg-red-600',
}

const withTimeout = <T,>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer from the leader')), ms)
    promise.then(resolve, reject).finally(() => clearTimeout(timer))
  })

const sameReading = (a: Reading, b: Reading) =>
  a.online === b.online &&
  a.connected === b.connected &&
  a.pending === b.pending &&
  a.stopped === b.stopped &&
  a.stalled === b.stalled

/** Reads the leader's connection and its queue of events not yet pushed; the leader may be another tab. */
const useSyncReading = (): Reading => {
  const store = useWorkspaceStore()
  const [reading, setReading] = useState<Reading>({
    online: true,
    connected: false,
    pending: 0,
    stopped: false,
    stalled: false,
  })
  useEffect(() => {
    const leader = store[StoreInternalsSymbol].clientSession.leaderThread
    let stopped = false
    let failedReads = 0
    // Progress: the server's confirmed head moves, or the queue shrinks.
    let progress = { head: -1, pending: 0, at: Date.now() }
    const read = async () => {
      const { Effect } = await import('effect')
      const [network, leaderState] = await withTimeout(
        Promise.all([Effect.runPromise(leader.networkStatus.get), Effect.runPromise(leader.syncState.get)]),
        READ_TIMEOUT_MS,
      )
      const session = store.syncStatus()
      // The session's queue and the leader's overlap (an event stays pending in both until pushed).
      const pending = Math.max(leaderState.pending.length, session.pendingCount)
      const head = leaderState.upstreamHead.global
      const now = Date.now()
      if (head !== progress.head || pending < progress.pending || pending === 0 || !network.isConnected) {
        progress = { head, pending, at: now }
      }
      progress.pending = pending
      return {
        online: navigator.onLine,
        connected: network.isConnected,
        pending,
        stopped: false,
        stalled: now - progress.at > STALLED_AFTER_MS,
      }
    }
    const tick = () =>
      read()
        .then(
          (next) => {
            failedReads = 0
            return next
          },
          () => {
            failedReads++
            return undefined
          },
        )
        .then((next) => {
          if (stopped) return
          if (next === undefined && failedReads < STOPPED_AFTER_FAILED_READS) return
          setReading((prev) => {
            const shown = next ?? { ...prev, stopped: true }
            return sameReading(prev, shown) ? prev : shown
          })
        })
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
    // Leave even if closing the stores hangs (their leader may be in the tab that is signing out).
    await Promise.race([disposeStores().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2_000))])
    window.location.assign('/sign-in')
  }, [])
  useSyncReports(storeId, onMessage)
}

/** Tells the leader worker (maybe in another tab) when this page's network or visibility changes. */
const useRelayConnectivity = () => useEffect(relayConnectivity, [])

export function SyncStatus() {
  useRelayConnectivity()
  const { storeId } = useWorkspace()
  const { access } = useSyncAccess(storeId)
  useCloseOnSignOut(storeId)
  const reading = useSyncReading()
  const phase = phaseOf(access, reading)
  return (
    <p role="status" data-testid="sync-status" data-phase={phase} className="flex items-center gap-2 text-xs">
      <span aria-hidden className={`inline-block size-2 rounded-full ${DOT[phase]}`} />
      <span>{LABELS[phase]}</span>
      {phase === 'stopped' && (
        <button type="button" className="underline" onClick={() => window.location.reload()}>
          Reload
        </button>
      )}
      {reading.pending > 0 && (
        <span data-testid="sync-pending" className="text-zinc-500">
          {reading.pending} not yet synced
        </span>
      )}
    </p>
  )
}
