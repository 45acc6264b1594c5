'use client'

// The client-only parts of the workspace layout, loaded without server rendering (the store needs web
// workers and OPFS). They share one store with the page's islands through the registry in ./store.
import dynamic from 'next/dynamic'
import { lazy, type ReactNode, Suspense, useSyncExternalStore } from 'react'

export const SyncStatusIsland = dynamic(() => import('./sync-status-island').then((m) => m.SyncStatusIsland), {
  ssr: false,
  loading: () => <p className="text-xs text-zinc-500">Starting sync…</p>,
})

const AppIsland = lazy(() => import('./app-island').then((m) => ({ default: m.WorkspaceAppIsland })))
const subscribeNothing = () => () => {}

/**
 * The workspace app, client-only. Until its code and the store are ready, and the store has what the
 * preview showed (event `previewHead`), it shows `preview`: the app's first view, built on the server
 * (lib/workspace-preview.ts) and already in the page's HTML.
 */
export function WorkspaceAppIsland({ preview, previewHead }: { preview?: ReactNode; previewHead?: number }) {
  // False on the server and while hydrating (the HTML holds the preview), true in the browser after.
  const inBrowser = useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  )
  const placeholder = preview || <p className="text-sm text-zinc-500">Opening workspace data…</p>
  // No Suspense boundary on the server or while hydrating: React streams a boundary whose content is over its
  // progressive chunk (12,800 bytes) as the fallback first and the content after, so a channel's newest 50
  // messages went twice (64 KB of HTML instead of 45) and the browser parsed both and swapped one for the
  // other. Once hydrated, the preview becomes the island's fallback (remounted, as it was before).
  if (!inBrowser) return placeholder
  return (
    <Suspense fallback={placeholder}>
      <AppIsland fallback={placeholder} caughtUpTo={preview ? previewHead : undefined} />
    </Suspense>
  )
}
