// The offline shell: lets a workspace page load without a network, so the local-first store (in
// OPFS) stays usable offline across reloads. Workspace pages are network-first (a cached copy only
// when the network fails); Next's hashed build assets are precached on install and served cache-first.
// Nothing else is touched. Signing out deletes these caches (components/workspace-store/offline-shell.tsx).
const PAGES = 'offline-pages-v1'
const ASSETS = 'offline-assets-v1'
// Every build asset (/_next/static/…), written in at build time by scripts/build-worker.mjs: the
// workers' chunks too, which no page lists, so a store opens offline after any deploy.
const BUILD_ASSETS = []

const isWorkspacePage = (url) => url.origin === self.location.origin && url.pathname.startsWith('/w/')
const isBuildAsset = (url) => url.origin === self.location.origin && url.pathname.startsWith('/_next/static/')

const precache = async () => {
  const cache = await caches.open(ASSETS)
  // One by one: an asset that fails to load must not stop the worker from installing (the next visit
  // caches what it misses).
  await Promise.all(
    BUILD_ASSETS.map(async (path) => {
      if (!(await cache.match(path))) await cache.add(path).catch(() => undefined)
    }),
  )
}

self.addEventListener('install', (event) => {
  // Where the browser supports it (Chromium), requests are routed without running this worker's script:
  // build assets straight from the cache (the network when missing), everything but workspace pages
  // straight to the network. A page load then wakes this worker for its own navigation only, not for
  // each of its ~20 assets; elsewhere the fetch handler below does the same work. Worker scripts stay with
  // the fetch handler (see cacheFirst).
  try {
    event.addRoutes?.([
      { condition: { requestDestination: 'worker' }, source: 'fetch-event' },
      { condition: { requestDestination: 'sharedworker' }, source: 'fetch-event' },
      // Without the build's list (a build made by `opennextjs-cloudflare build` alone) nothing is precached,
      // and the fetch handler caches assets as they are used.
      ...(BUILD_ASSETS.length > 0
        ? [{ condition: { urlPattern: '/_next/static/*' }, source: { cacheName: ASSETS } }]
        : []),
      { condition: { urlPattern: '/_next/static/*' }, source: 'fetch-event' },
      { condition: { requestMode: 'navigate', urlPattern: '/w/*' }, source: 'fetch-event' },
      { condition: { urlPattern: '/*' }, source: 'network' },
    ])
  } catch (error) {
    console.warn('offline shell: no static routes', error)
  }
  event.waitUntil(precache())
  self.skipWaiting()
})
self.addEventListener('activate', (event) =>
  event.waitUntil(
    (async () => {
      // The browser requests a page while this worker starts, instead of after (a reload gains the start-up).
      await self.registration.navigationPreload?.enable()
      await self.clients.claim()
      // The assets of earlier builds go: the cache holds one build's.
      if (BUILD_ASSETS.length > 0) {
        const current = new Set(BUILD_ASSETS)
        const cache = await caches.open(ASSETS)
        for (const request of await cache.keys())
          if (!current.has(new URL(request.url).pathname)) await cache.delete(request)
      }
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

// A worker takes its URL from its script's response. A precached copy was fetched without the fragment
// where Next's worker bootstrap passes its configuration (`#params=…`): served as it is, the worker would
// start without it. A response made here takes the request's URL, fragment included.
const isWorkerScript = (request) => request.destination === 'worker' || request.destination === 'sharedworker'

const cacheFirst = async (request, keep) => {
  const cache = await caches.open(ASSETS)
  const cached = await cache.match(request)
  if (cached) return isWorkerScript(request) ? new Response(cached.body, cached) : cached
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

// A page tells this worker what it loaded that is not in the caches: itself when it loaded before this
// worker took control (its first visit), and build assets the cache missed (evicted, or a build this
// worker has no list of).
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
