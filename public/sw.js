// The offline shell: lets a workspace page load without a network, so the local-first store (in
// OPFS) stays usable offline across reloads. Workspace pages are network-first (a cached copy only
// when the network fails); Next's hashed build assets are cache-first. Nothing else is touched.
// Signing out deletes these caches (components/workspace-store/local-stores.ts).
const PAGES = 'offline-pages-v1'
const ASSETS = 'offline-assets-v1'

const isWorkspacePage = (url) => url.origin === self.location.origin && url.pathname.startsWith('/w/')
const isBuildAsset = (url) => url.origin === self.location.origin && url.pathname.startsWith('/_next/static/')

self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', (event) =>
  event.waitUntil(
    (async () => {
      // The browser requests a page while this worker starts, instead of after (a reload gains the start-up).
      await self.registration.navigationPreload?.enable()
      await self.clients.claim()
    })(),
  ),
)

// The page goes to the browser as it streams in; its copy is stored alongside (`keep`: the fetch
// event's waitUntil), never before: awaiting the store would hold the whole page back until its last byte.
const networkFirst = async (request, keep, preloaded) => {
  const cache = await caches.open(PAGES)
  try {
    const response = (await preloaded) ?? (await fetch(request))
    if (response.ok && response.type === 'basic') keep(cache.put(request.url, response.clone()).catch(() => undefined))
    return response
  } catch (error) {
    const cached = await cache.match(request.url)
    if (cached) return cached
    throw error
  }
}

const cacheFirst = async (request, keep) => {
  const cache = await caches.open(ASSETS)
  const cached = await cache.match(request)
  if (cached) return cached
  const response = await fetch(request)
  if (response.ok) keep(cache.put(request, response.clone()).catch(() => undefined))
  return response
}

self.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  const keep = (stored) => event.waitUntil(stored)
  if (request.mode === 'navigate' && isWorkspacePage(url))
    event.respondWith(networkFirst(request, keep, event.preloadResponse))
  else if (isBuildAsset(url)) event.respondWith(cacheFirst(request, keep))
})

// A page loaded before this worker took control tells it what it fetched, so that first visit is
// available offline too.
self.addEventListener('message', (event) => {
  const { type, page, assets } = event.data ?? {}
  if (type !== 'cache-visited') return
  event.waitUntil(
    (async () => {
      if (typeof page === 'string' && isWorkspacePage(new URL(page))) {
        const stored = []
        await networkFirst(new Request(page), (store) => stored.push(store))
        await Promise.all(stored)
      }
      const cache = await caches.open(ASSETS)
      for (const asset of Array.isArray(assets) ? assets : []) {
        if (typeof asset === 'string' && isBuildAsset(new URL(asset)) && !(await cache.match(asset))) {
          await cache.add(asset).catch(() => undefined)
        }
      }
    })(),
  )
})
