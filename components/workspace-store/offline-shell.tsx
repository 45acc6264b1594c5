'use client'

// Registers the offline shell (public/sw.js) in production builds, and tells it what this page loaded that
// its caches lack. Development keeps the network only (the dev server's assets change all the time).
import { useEffect } from 'react'

/** Where the browser's static routing of the offline shell took a resource from (Chromium), if it says. */
type RoutedTiming = PerformanceResourceTiming & { workerFinalSourceType?: string }

/**
 * Build assets this page loaded that the shell did not serve (its route to the cache missed, e.g. after an
 * eviction): none on a usual load. In a browser that does not report the routing, none either: the shell's
 * fetch handler caches what it serves.
 */
const assetsNotFromShell = () =>
  (performance.getEntriesByType('resource') as RoutedTiming[])
    .filter(
      ({ workerFinalSourceType: source }) => source !== undefined && source !== 'cache' && source !== 'fetch-event',
    )
    .map((entry) => entry.name)
    .filter((name) => new URL(name).pathname.startsWith('/_next/static/'))

const withoutHash = (url: string) => url.split('#')[0]

/** How long the shell waits for the workspace to settle before it registers anyway (the server unreachable). */
const SETTLE_WAIT_MAX_MS = 60_000
let settle = () => {}
const settled = new Promise<void>((resolve) => {
  settle = resolve
})

/**
 * The workspace's store has opened and caught up (the sync indicator said Synced). Until then the shell
 * waits: its first install fetches every build asset (~50), and on two cores that competed with a first
 * open's store, which was ready ~0.6 s later (median of 10 new profiles, 4.5 s against 3.9 s).
 */
export const workspaceSettled = () => settle()

export function OfflineShell() {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return
    // A page whose document the shell served is in its cache already: fetching it again would make the
    // server render it twice per load. One reached by a client-side navigation, or loaded before the shell
    // took control (a first visit), is not.
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
    const servedByShell =
      navigation !== undefined &&
      navigation.workerStart > 0 &&
      withoutHash(navigation.name) === withoutHash(location.href)
    let cancelled = false
    void (async () => {
      await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, SETTLE_WAIT_MAX_MS))])
      if (cancelled) return
      await navigator.serviceWorker.register('/sw.js', { scope: '/' })
      const registration = await navigator.serviceWorker.ready
      if (cancelled) return
      const page = servedByShell ? undefined : location.href
      const assets = assetsNotFromShell()
      if (page === undefined && assets.length === 0) return
      registration.active?.postMessage({ type: 'cache-visited', page, assets })
    })().catch((error: unknown) => console.warn('offline shell unavailable', error))
    return () => {
      cancelled = true
    }
  }, [])
  return null
}

/** Deletes the offline shell's caches: its pages are the signed-in user's (build assets come back on use). */
export const deleteOfflineCaches = async () => {
  if (typeof caches === 'undefined') return
  const names = await caches.keys()
  await Promise.all(names.filter((name) => name.startsWith('offline-')).map((name) => caches.delete(name)))
}
