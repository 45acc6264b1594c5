'use client'

// The workspace's LiveStore store, client-only (web workers, OPFS): import this module only from
// components loaded with next/dynamic and `ssr: false`. One registry for the tab, one store per
// workspace: switching workspaces switches stores, and the previous one is shut down once unused.
import { type Store, StoreRegistry } from '@livestore/livestore'
import { StoreRegistryProvider, useStoreRegistry, withReactApi } from '@livestore/react'
import { type ReactNode, Suspense, use, useEffect, useMemo } from 'react'
import { unstable_batchedUpdates as batchUpdates } from 'react-dom'

import { adapter } from '@/lib/livestore/adapter'
import { schema } from '@/lib/livestore/schema'
import type { WorkspaceSyncPayload } from '@/lib/sync/sync-params'

import { useWorkspace } from './workspace-context'

let registry: StoreRegistry | undefined
const storeRegistry = () => {
  registry ??= new StoreRegistry({
    defaultOptions: {
      unusedCacheTime: 10_000,
      // LiveStore's web devtools are served by its Vite plugin, which Next does not run: with devtools
      // on, every page load probes GET /_livestore (404). The Chrome extension still works when this is
      // set (README, "LiveStore devtools").
      disableDevtools: process.env.NEXT_PUBLIC_LIVESTORE_DEVTOOLS !== 'true',
    },
  })
  return registry
}

/** Shuts every open store down (their workers release OPFS), e.g. before local data is deleted. */
export const disposeStores = async () => {
  const current = registry
  registry = undefined
  await current?.dispose()
}

type LoadedStore = Store<typeof schema>
/** A loaded store as a thenable React's use() reads at once, without suspending. */
const settled = new WeakMap<LoadedStore, PromiseLike<LoadedStore>>()
const settledThenable = (store: LoadedStore) => {
  let thenable = settled.get(store)
  if (thenable === undefined) {
    thenable = Object.assign(Promise.resolve(store), { status: 'fulfilled', value: store })
    settled.set(store, thenable)
  }
  return thenable
}

/**
 * The workspace's store, suspending while it loads. Unlike @livestore/react's useStore this calls use()
 * on every render: a component that suspended on use() and then renders without calling it makes React
 * report "called use() to suspend in a previous render but did not call use() when it finished".
 */
export const useWorkspaceStore = () => {
  const { storeId, workspaceId } = useWorkspace()
  const storeRegistry = useStoreRegistry()
  const options = useMemo(() => {
    // The same in every tab (leader hand-over requires it); the leader worker adds the token per connection.
    const syncPayload: WorkspaceSyncPayload = { workspaceId }
    return { storeId, schema, adapter, batchUpdates, syncPayload }
  }, [storeId, workspaceId])
  const storeOrPromise = storeRegistry.getOrLoadPromise(options)
  const store = use(storeOrPromise instanceof Promise ? storeOrPromise : settledThenable(storeOrPromise))
  // After use(): effects of a render that suspended are never committed (see @livestore/react's useStore).
  useEffect(() => storeRegistry.retain(options), [storeRegistry, options])
  return withReactApi(store)
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
