'use client'

// The sync status indicator, following the seed's connection lifecycle: offline, connecting, syncing,
// synced, or access denied, with the number of local events the server does not have yet.
import { StoreInternalsSymbol } from '@livestore/livestore'
import type { Stream as EffectStream } from 'effect'
import { useCallback, useEffect, useState } from 'react'

import { relayConnectivity } from '@/lib/livestore/connectivity'
import type { SyncAccessMessage } from '@/lib/livestore/sync-access'
import { workspaceSettled } from './offline-shell'
import { disposeStoresWithin, useWorkspaceStore } from './store'
import { type AccessState, isSigningOutHere, useSyncAccess, useSyncReports } from './sync-access'
import { useWorkspace } from './workspace-context'

export type SyncPhase = 'offline' | 'connecting' | 'syncing' | 'stalled' | 'synced' | 'stopped' | 'denied'

type Reading = {
  online: boolean
  connected: boolean
  pending: number
  /** The leader has fewer of the server's events than the server had when the page was rendered (history loads). */
  behind: boolean
  /** The leader stopped answering (its client session shut down): nothing syncs until a reload. */
  stopped: boolean
  /** Events wait (or history loads), the connection is up, and nothing has moved for a while. */
  stalled: boolean
}

/** The summary of its sync state the leader streams to the tabs (LiveStore patch 20, both web adapters). */
type LeaderWithSummary = {
  syncSummary: { changes: EffectStream.Stream<{ pendingCount: number; upstreamHead: { global: number } }, unknown> }
}

/** The session's own queue is read this often (a local read, no worker round trip). */
const SESSION_POLL_MS = 400
/** How often the leader is asked directly whether it still answers, and how long it may take. */
const LIVENESS_EVERY_MS = 5_000
const LIVENESS_TIMEOUT_MS = 3_000
/** Unanswered liveness checks in a row before the indicator says sync has stopped. */
const STOPPED_AFTER_FAILED_CHECKS = 2
/** Pending events with no confirmation (or history with no progress) this long, while connected: say so rather than "Syncing…". */
const STALLED_AFTER_MS = 15_000

const phaseOf = (access: AccessState, { online, connected, pending, behind, stopped, stalled }: Reading): SyncPhase => {
  if (access.state !== 'ok') return 'denied'
  if (stopped) return 'stopped'
  if (!online) return 'offline'
  if (!connected) return 'connecting'
  // Synced only when nothing local waits and the server's history has come in too (a first open pulls it).
  if (pending === 0 && !behind) return 'synced'
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

const sameReading = (a: Reading, b: Reading) =>
  a.online === b.online &&
  a.connected === b.connected &&
  a.pending === b.pending &&
  a.behind === b.behind &&
  a.stopped === b.stopped &&
  a.stalled === b.stalled

/**
 * Follows the leader's connection and its queue of events not yet pushed; the leader may be another tab.
 * It subscribes to the leader's streams rather than asking it again and again: requests in flight to a
 * leader whose tab closes can hold up LiveStore's hand-over to the next leader, streams are ended by it.
 */
const useSyncReading = (serverHead: number): Reading => {
  const store = useWorkspaceStore()
  const [reading, setReading] = useState<Reading>({
    online: true,
    connected: false,
    pending: 0,
    behind: serverHead > 0,
    stopped: false,
    stalled: false,
  })
  useEffect(() => {
    const leader = store[StoreInternalsSymbol].clientSession.leaderThread
    let stopped = false
    const cleanups: Array<() => void> = []
    let connected = false
    let leaderPending = 0
    let head = -1
    let failedChecks = 0
    // Progress: the server's confirmed head moves, or the queue shrinks.
    let progress = { head: -1, pending: 0, at: Date.now() }

    const update = () => {
      if (stopped) return
      // The session's queue and the leader's overlap (an event stays pending in both until pushed).
      const pending = Math.max(leaderPending, store.syncStatus().pendingCount)
      const behind = serverHead > 0 && head < serverHead
      const now = Date.now()
      if (head !== progress.head || pending < progress.pending || (pending === 0 && !behind) || !connected) {
        progress = { head, pending, at: now }
      }
      progress.pending = pending
      const next: Reading = {
        online: navigator.onLine,
        connected,
        pending,
        behind,
        stopped: failedChecks >= STOPPED_AFTER_FAILED_CHECKS,
        stalled: now - progress.at > STALLED_AFTER_MS,
      }
      setReading((prev) => (sameReading(prev, next) ? prev : next))
    }

    void import('effect').then(({ Effect, Fiber, Schedule, Stream }) => {
      if (stopped) return
      // Each stream ends when the leader changes: follow the next leader's.
      const follow = <A,>(changes: EffectStream.Stream<A, unknown>, onValue: (value: A) => void) => {
        const fiber = Effect.runFork(
          Stream.runForEach(changes, (value) => Effect.sync(() => onValue(value))).pipe(
            Effect.catchAllCause(() => Effect.void),
            Effect.repeat(Schedule.spaced('250 millis')),
          ),
        )
        cleanups.push(() => Effect.runFork(Fiber.interrupt(fiber)))
      }
      follow(leader.networkStatus.changes, (status) => {
        connected = status.isConnected
        update()
      })
      // The leader's pending count and server head: its summary (LiveStore patch 20), not its whole state,
      // which carried every pending event across the workers on each change.
      follow((leader as unknown as LeaderWithSummary).syncSummary.changes, ({ pendingCount, upstreamHead }) => {
        leaderPending = pendingCount
        head = upstreamHead.global
        update()
      })
      // A leader that no longer answers at all (its client session shut down) sends no changes either.
      const check = Effect.runFork(
        leader.networkStatus.get.pipe(
          Effect.timeout(LIVENESS_TIMEOUT_MS),
          Effect.match({
            onFailure: () => {
              failedChecks++
            },
            onSuccess: () => {
              failedChecks = 0
            },
          }),
          Effect.tap(() => Effect.sync(update)),
          Effect.repeat(Schedule.spaced(`${LIVENESS_EVERY_MS} millis`)),
        ),
      )
      cleanups.push(() => Effect.runFork(Fiber.interrupt(check)))
    })
    const timer = setInterval(update, SESSION_POLL_MS)
    return () => {
      stopped = true
      clearInterval(timer)
      for (const cleanup of cleanups) cleanup()
    }
  }, [store, serverHead])
  return reading
}

/** Signed out in another tab: close this tab's stores (so their files can be deleted) and leave. */
const useCloseOnSignOut = (storeId: string) => {
  const onMessage = useCallback(async (message: SyncAccessMessage) => {
    if (message.type !== 'signed-out' || isSigningOutHere()) return
    await disposeStoresWithin(2_000)
    window.location.assign('/sign-in')
  }, [])
  useSyncReports(storeId, onMessage)
}

/** Tells the leader worker (maybe in another tab) when this page's network or visibility changes. */
const useRelayConnectivity = () => useEffect(relayConnectivity, [])

export function SyncStatus() {
  useRelayConnectivity()
  const { storeId, serverHead } = useWorkspace()
  const { access } = useSyncAccess(storeId)
  useCloseOnSignOut(storeId)
  const reading = useSyncReading(serverHead)
  const phase = phaseOf(access, reading)
  useEffect(() => {
    if (phase === 'synced') workspaceSettled()
  }, [phase])
  return <SyncIndicator phase={phase} pending={reading.pending} />
}

/** The header's indicator; also shown, stopped, when the store could not open at all. */
export function SyncIndicator({ phase, pending }: { phase: SyncPhase; pending: number }) {
  return (
    <p role="status" data-testid="sync-status" data-phase={phase} className="flex items-center gap-2 text-xs">
      <span aria-hidden className={`inline-block size-2 rounded-full ${DOT[phase]}`} />
      <span>{LABELS[phase]}</span>
      {phase === 'stopped' && (
        <button type="button" className="underline" onClick={() => window.location.reload()}>
          Reload
        </button>
      )}
      {pending > 0 && (
        <span data-testid="sync-pending" className="text-zinc-500">
          {pending} not yet synced
        </span>
      )}
    </p>
  )
}
