'use client'

// The client-only parts of the workspace layout, loaded without server rendering (the store needs web
// workers and OPFS). They share one store with the page's islands through the registry in ./store.
import dynamic from 'next/dynamic'

export const SyncStatusIsland = dynamic(() => import('./sync-status-island').then((m) => m.SyncStatusIsland), {
  ssr: false,
  loading: () => <p className="text-xs text-zinc-500">Starting sync…</p>,
})

export const WorkspaceAppIsland = dynamic(() => import('./app-island').then((m) => m.WorkspaceAppIsland), {
  ssr: false,
  loading: () => <p className="text-sm text-zinc-500">Opening workspace data…</p>,
})
