import { readFileSync } from 'node:fs'
import { runInNewContext } from 'node:vm'

import { describe, expect, test } from 'vitest'

// @ts-expect-error: a plain ESM script without types.
import { shellWithAssets } from '../../scripts/build-worker.mjs'

// The routes the offline shell (public/sw.js) asks the browser for when it installs, and what it prunes when it activates. The browser side
// (Chromium serving by these routes) is tested in tests/e2e/workspace-sync.spec.ts; here, which routes a
// shell with and without the build's asset list declares, read by running its install handler.
const shellSource = readFileSync(new URL('../../public/sw.js', import.meta.url), 'utf8')

type Route = { condition: Record<string, string>; source: string | { cacheName: string } }

/** The shell's event handlers, run in a VM against a fake cache holding `cachedUrls`. */
const loadShell = (source: string, cachedUrls: string[] = []) => {
  const handlers = new Map<string, (event: unknown) => void>()
  const self = {
    location: { origin: 'https://app.example' },
    addEventListener: (type: string, handler: (event: unknown) => void) => handlers.set(type, handler),
    skipWaiting: () => undefined,
    clients: { claim: async () => undefined },
    registration: {},
  }
  const cached = new Set(cachedUrls)
  const cache = {
    match: async (url: string) => (cached.has(url) ? {} : undefined),
    add: async (url: string) => void cached.add(url),
    keys: async () => [...cached].map((url) => ({ url })),
    delete: async ({ url }: { url: string }) => cached.delete(url),
  }
  runInNewContext(source, { self, caches: { open: async () => cache }, console, URL, Request, Response })
  return { handlers, cached }
}

const routesOf = (source: string): Route[] => {
  let routes: Route[] = []
  loadShell(source).handlers.get('install')?.({
    addRoutes: (declared: Route[]) => {
      routes = declared
    },
    waitUntil: () => undefined,
  })
  return routes
}

/** The first route a request matching these facts takes (conditions compared as the browser would here). */
const routeFor = (routes: Route[], request: { path: string; mode: string; destination: string }) =>
  routes.find(({ condition }) =>
    Object.entries(condition).every(([key, value]) => {
      if (key === 'urlPattern') return new RegExp(`^${value.replaceAll('*', '.*')}$`).test(request.path)
      if (key === 'requestMode') return request.mode === value
      if (key === 'requestDestination') return request.destination === value
      throw new Error(`a condition this test does not know: ${key}`)
    }),
  )?.source

describe('the offline shell’s static routes', () => {
  const asset = { path: '/_next/static/chunks/a.js', mode: 'no-cors', destination: 'script' }
  const workerScript = {
    path: '/_next/static/chunks/turbopack-worker-b.js',
    mode: 'same-origin',
    destination: 'worker',
  }
  const sharedWorkerScript = { ...workerScript, destination: 'sharedworker' }
  const workspacePage = { path: '/w/studio', mode: 'navigate', destination: 'document' }
  const apiCall = { path: '/api/workspaces/w1/sync-token', mode: 'cors', destination: '' }
  const otherPage = { path: '/account', mode: 'navigate', destination: 'document' }

  test('with the build’s list: assets from the cache, workers and workspace pages through the handler, the rest to the network', () => {
    const routes = routesOf(shellWithAssets(shellSource, ['/_next/static/chunks/a.js']))
    expect(routeFor(routes, asset)).toEqual({ cacheName: 'offline-assets-v1' })
    // A worker served from the cache by a route would lose its URL's fragment (Next's bootstrap config).
    expect(routeFor(routes, workerScript)).toBe('fetch-event')
    expect(routeFor(routes, sharedWorkerScript)).toBe('fetch-event')
    expect(routeFor(routes, workspacePage)).toBe('fetch-event')
    expect(routeFor(routes, apiCall)).toBe('network')
    expect(routeFor(routes, otherPage)).toBe('network')
  })

  test('without it (a bare OpenNext build): no cache route, so assets reach the handler that caches them', () => {
    const routes = routesOf(shellSource)
    expect(routes.some((route) => typeof route.source === 'object')).toBe(false)
    expect(routeFor(routes, asset)).toBe('fetch-event')
    expect(routeFor(routes, workspacePage)).toBe('fetch-event')
    expect(routeFor(routes, apiCall)).toBe('network')
  })

  test('on activation, assets of earlier builds leave the cache; without a list nothing is pruned', async () => {
    const origin = 'https://app.example'
    const current = `${origin}/_next/static/chunks/new.js`
    const earlier = `${origin}/_next/static/chunks/old.js`
    const activate = async (source: string) => {
      const shell = loadShell(source, [current, earlier])
      let done: Promise<unknown> = Promise.resolve()
      shell.handlers.get('activate')?.({
        waitUntil: (work: Promise<unknown>) => {
          done = work
        },
      })
      await done
      return [...shell.cached]
    }
    expect(await activate(shellWithAssets(shellSource, ['/_next/static/chunks/new.js']))).toEqual([current])
    expect(await activate(shellSource)).toEqual([current, earlier])
  })
})
