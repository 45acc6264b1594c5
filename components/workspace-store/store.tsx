'use client'

// The workspace's LiveStore store, client-only (web workers, OPFS): import this module only from
// components loaded with next/dynamic and `ssr: false`. One registry for the tab, one store per
// workspace: switching workspaces switches stores, and the previous one is shut down once unused.
import { StoreRegistry } from '@livestore/livestore'
import { StoreRegistryProvider, useStore } from '@livestore/react'
import { type ReactNode, Suspense } from 'react'
import { unstable_batchedUpdates as batchUpdates } from 'react-dom'

import { adapter } from '@/lib/livestore/adapter'
import { schema } from '@/lib/livestore/schema'
import type { WorkspaceSyncPayload } from '@/lib/sync/sync-params'

import { useWorkspace } from './workspace-context'

let registry: StoreRegistry | undefined
const storeRegistry = () => {
  registry ??= new StoreRegistry({ defaultOptions: { unusedCacheTime: 10_000 } })
  return registry
}

/** Shuts every open store down (their workers release OPFS), e.g. before local data is deleted. */
export const disposeStores = async () => {
  const current = registry
  registry = undefined
  await current?.dispose()
}

export const useWorkspaceStore = () => {
  const { storeId, workspaceId } = useWorkspace()
  // The same in every tab (leader hand-over requires it); the leader worker adds the token per connection.
  const syncPayload: WorkspaceSyncPayload = { workspaceId }
  return useStore({ storeId, schema, adapter, batchUpdates, syncPayload })
}

export type WorkspaceStore = ReturnType<typeof useWorkspaceStore>

/** Wraps a client-only part of the page that reads the store. */
export function StoreIsland({ children, fallback }: { children: ReactNode; fallback?: ReactNode }) {
  return (
    <StoreRegistryProvider storeRegistry={storeRegistry()}>
      <Suspense fallback={fallback ?? <p className="text-sm text-zinc-500">Opening workspace data…</p>}>
        {children}
      </Suspense>
    </StoreRegistryProvider>
  )
}
