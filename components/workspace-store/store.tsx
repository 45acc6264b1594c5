'use client'

// The workspace's LiveStore store, client-only (web workers, OPFS): import this module only from
// components loaded with next/dynamic and `ssr: false`. One registry for the tab, one store per
// workspace: switching workspaces switches stores, and the previous one is shut down once unused.
import { type LiveStoreEvent, type Store, StoreInternalsSymbol, StoreRegistry } from '@livestore/livestore'
import { StoreRegistryProvider, useStoreRegistry, withReactApi } from '@livestore/react'
import { type ReactNode, Suspense, use, useEffect, useMemo } from 'react'
import { unstable_batchedUpdates as batchUpdates } from 'react-dom'

import { adapter } from '@/lib/livestore/adapter'
import { schema } from '@/lib/livestore/schema'
import type { WorkspaceSyncPayload } from '@/lib/sync/sync-params'

import { lookUpStore, SlowOpenNotice, StoreFailedNotice, StoreFailureBoundary } from './store-failure'
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

/** Registries disposed: their stores are closed although LiveStore's own shutdown flag is not set. */
const disposedRegistries = new WeakSet<StoreRegistry>()

/** Shuts every open store down (their workers release OPFS), e.g. before local data is deleted. */
const disposeStores = async () => {
  const current = registry
  registry = undefined
  if (current === undefined) return
  disposedRegistries.add(current)
  await current.dispose()
}

/**
 * Shuts the stores down, waiting at most `ms`: in a tab whose store's leader worker runs in another tab,
 * LiveStore's shutdown never finishes. For callers that leave the page next (a full load ends this tab's
 * workers anyway).
 */
export const disposeStoresWithin = (ms: number) =>
  Promise.race([disposeStores().catch(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, ms))])

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
 * Stores open in mounted components, by registry and store id. The registry's own lookup runs an Effect
 * (a reference taken and released in a scope) on every call, ~1-2 ms, and every component reading the
 * store called it on every render: a sent message paid it once per re-rendered component. While some
 * mounted component retains the store the registry keeps it, so the lookup can be skipped; once none does,
 * or the store was shut down or its registry disposed (signed out), the registry is asked again.
 */
type OpenStore = { store: LoadedStore; users: number }
const openStores = new WeakMap<StoreRegistry, Map<string, OpenStore>>()
/** Where each store came from, to tell whether it is still open. */
const registryOf = new WeakMap<LoadedStore, StoreRegistry>()
const isOpen = (store: LoadedStore) => {
  const from = registryOf.get(store)
  return !store[StoreInternalsSymbol].isShutdown && (from === undefined || !disposedRegistries.has(from))
}
const openStoreOf = (registry: StoreRegistry, storeId: string) => {
  const open = openStores.get(registry)?.get(storeId)
  return open === undefined || open.users === 0 || !isOpen(open.store) ? undefined : open.store
}
/** Counts a mounted user of `store`; returns the release. */
const countOpenStore = (registry: StoreRegistry, storeId: string, store: LoadedStore) => {
  let stores = openStores.get(registry)
  if (stores === undefined) {
    stores = new Map()
    openStores.set(registry, stores)
  }
  let open = stores.get(storeId)
  if (open === undefined || open.store !== store) {
    open = { store, users: 0 }
    stores.set(storeId, open)
    registryOf.set(store, registry)
  }
  const counted = open
  counted.users++
  return () => {
    counted.users--
  }
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
  const storeOrPromise =
    openStoreOf(storeRegistry, storeId) ?? lookUpStore(() => storeRegistry.getOrLoadPromise(options))
  const store = use(storeOrPromise instanceof Promise ? storeOrPromise : settledThenable(storeOrPromise))
  // After use(): effects of a render that suspended are never committed (see @livestore/react's useStore).
  useEffect(() => {
    const release = storeRegistry.retain(options)
    const unuse = countOpenStore(storeRegistry, options.storeId, store)
    return () => {
      unuse()
      release()
    }
  }, [storeRegistry, options, store])
  return withReactApi(store)
}

export type WorkspaceStore = ReturnType<typeof useWorkspaceStore>

const failedNotice = (error: unknown) => <StoreFailedNotice error={error} />

/**
 * Wraps a client-only part of the page that reads the store: `fallback` while the store opens, `failed` if
 * it cannot (by default a notice with the reason and a reload), and a notice that the part stopped working if
 * the part itself throws. The page's main part (`main`) also says so when the store takes unusually long to open.
 */
export function StoreIsland({
  children,
  fallback,
  failed = failedNotice,
  main = false,
}: {
  children: ReactNode
  fallback?: ReactNode
  failed?: (error: unknown) => ReactNode
  main?: boolean
}) {
  const placeholder = fallback ?? <p className="text-sm text-zinc-500">Opening workspace data…</p>
  return (
    <StoreRegistryProvider storeRegistry={storeRegistry()}>
      <StoreFailureBoundary failed={failed}>
        <Suspense
          fallback={
            main ? (
              <>
                {placeholder}
                <SlowOpenNotice />
              </>
            ) : (
              placeholder
            )
          }
        >
          {children}
        </Suspense>
      </StoreFailureBoundary>
    </StoreRegistryProvider>
  )
}

/**
 * Commits in a task of its own, after the event handler (and React's render of it) has returned, and refreshes
 * the queries in the task after that (LiveStore's `skipRefresh` and `manualRefresh`). A commit costs the main
 * thread ~3-5 ms (the event encoded and materialized, its changeset, the push to the leader) and refreshing the
 * queries that read its tables as much again (a window of messages read back, decoded and compared): together
 * with clearing the composer that was one task of ~15-20 ms on a slow machine, and still ~8-12 ms of thread
 * time without it. The queries' new results then render in a task of theirs too. For frequent actions (sending a
 * message). When the store has closed meanwhile (signed out in another tab) or the commit throws, `failed` is
 * called, so that the caller can give the person back what they typed.
 */
export const commitInOwnTask = (
  store: WorkspaceStore,
  event: LiveStoreEvent.Input.ForSchema<typeof schema>,
  failed: (error: unknown) => void,
) => {
  setTimeout(() => {
    try {
      if (!isOpen(store)) throw new Error('the workspace store is closed')
      store.commit({ skipRefresh: true }, event)
    } catch (error) {
      console.error('could not commit', error)
      failed(error)
      return
    }
    setTimeout(() => {
      if (isOpen(store)) store.manualRefresh()
    }, 0)
  }, 0)
}
