'use client'

import { EventSequenceNumber } from '@livestore/livestore'
import { type ReactNode, useEffect, useState } from 'react'

import { workspaceApp } from '@/components/workspace-app'

import { followCatchUp } from './catch-up'
import { StoreIsland, useWorkspaceStore, type WorkspaceStore } from './store'

/** How long the preview waits for the store without it getting any nearer before the app shows anyway. */
const NO_PROGRESS_MS = 5_000

type Progress = { caughtUp: boolean; head: number }

/** The newest event the store's session has from its leader. */
const sessionHead = (store: WorkspaceStore) =>
  EventSequenceNumber.Client.fromString(store.syncStatus().upstreamHead).global

/**
 * Whether the store has caught up with event `head` (what the server's preview showed): until then the
 * store holds older history than the preview (a first open pulls the log from its start), and showing
 * it would replace the newest messages by the oldest. The app shows anyway when the browser is offline
 * or the store stops getting nearer (server unreachable): local data stays usable.
 */
const useCaughtUp = (head: number | undefined): Progress => {
  const store = useWorkspaceStore()
  const [progress, setProgress] = useState<Progress>(() => {
    const current = sessionHead(store)
    return { caughtUp: head === undefined || current >= head || !navigator.onLine, head: current }
  })
  useEffect(() => {
    if (progress.caughtUp || head === undefined) return
    const source = {
      head: () => sessionHead(store),
      subscribe: (changed: () => void) => store.subscribeSyncStatus(changed),
    }
    const stop = followCatchUp(source, head, {
      noProgressMs: NO_PROGRESS_MS,
      onProgress: (current) => setProgress({ caughtUp: false, head: current }),
      onDone: (current) => setProgress({ caughtUp: true, head: current }),
    })
    const giveUp = () => {
      stop()
      setProgress({ caughtUp: true, head: sessionHead(store) })
    }
    window.addEventListener('offline', giveUp)
    return () => {
      stop()
      window.removeEventListener('offline', giveUp)
    }
  }, [store, head, progress.caughtUp])
  return progress
}

function UntilCaughtUp({ head, fallback, children }: { head?: number; fallback: ReactNode; children: ReactNode }) {
  const progress = useCaughtUp(head)
  if (progress.caughtUp || head === undefined) return children
  return (
    <>
      {fallback}
      <p
        role="status"
        data-testid="history-progress"
        className="fixed right-4 bottom-4 rounded-md bg-zinc-900 px-3 py-1.5 text-xs text-white shadow dark:bg-zinc-100 dark:text-zinc-900"
      >
        Loading history… {progress.head.toLocaleString('en-US')} of {head.toLocaleString('en-US')} events
      </p>
    </>
  )
}

/**
 * The workspace app's main page, inside the workspace's store. `fallback` shows while the store opens and,
 * given `caughtUpTo`, until the store has that event.
 */
export function WorkspaceAppIsland({ fallback, caughtUpTo }: { fallback?: ReactNode; caughtUpTo?: number }) {
  const { Main } = workspaceApp
  return (
    <StoreIsland fallback={fallback} main>
      <UntilCaughtUp head={caughtUpTo} fallback={fallback}>
        <Main />
      </UntilCaughtUp>
    </StoreIsland>
  )
}
