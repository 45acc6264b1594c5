'use client'

// Registers the offline shell (public/sw.js) in production builds, and hands it what this page has
// already loaded. Development keeps the network only (the dev server's assets change all the time).
import { useEffect } from 'react'

export function OfflineShell() {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return
    let cancelled = false
    void (async () => {
      await navigator.serviceWorker.register('/sw.js', { scope: '/' })
      const registration = await navigator.serviceWorker.ready
      if (cancelled) return
      const assets = performance.getEntriesByType('resource').map((entry) => entry.name)
      registration.active?.postMessage({ type: 'cache-visited', page: location.href, assets })
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
