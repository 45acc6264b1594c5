import { SignJWT } from 'jose'
import { afterEach, describe, expect, it, vi } from 'vitest'

import type { SyncAccessMessage } from '../../lib/livestore/sync-access'
import { makeSyncTokens, TOKEN_REQUEST_TIMEOUT_MS } from '../../lib/livestore/sync-tokens'

const token = async (ttlSeconds = 300) =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(new TextEncoder().encode('test key, only decoded by the client'))

const endpoint = (answer: () => Promise<Response>) => {
  const fetch = vi.fn((_url: string, _init?: RequestInit) => answer())
  vi.stubGlobal('fetch', fetch)
  return fetch
}

describe("the leader worker's sync tokens", () => {
  afterEach(() => vi.unstubAllGlobals())

  it('fetches a token before the first connection and reuses it while it is fresh', async () => {
    const fresh = await token()
    const fetch = endpoint(async () => Response.json({ token: fresh, storeId: 's1' }))
    const tokens = makeSyncTokens({ report: () => {}, onRenewed: () => {} })
    expect(await tokens.current('s1', 'w1')).toBe(fresh)
    expect(await tokens.current('s1', 'w1')).toBe(fresh)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(fetch.mock.calls[0]?.[0]).toBe('/api/workspaces/w1/sync-token')
  })

  it('a renewal asked for by a refused connection does not wake the next attempt (no tight retry loop)', async () => {
    endpoint(async () => Response.json({ token: await token(), storeId: 's1' }))
    const onRenewed = vi.fn()
    const tokens = makeSyncTokens({ report: () => {}, onRenewed })
    await tokens.current('s1', 'w1')
    await tokens.renew('s1', 'w1')
    expect(onRenewed).not.toHaveBeenCalled()
    await tokens.renew('s1', 'w1', { wake: true })
    expect(onRenewed).toHaveBeenCalledTimes(1)
  })

  it('stops once the endpoint says access is gone, and says so', async () => {
    endpoint(async () => new Response(null, { status: 404 }))
    const reports: SyncAccessMessage[] = []
    const tokens = makeSyncTokens({ report: (message) => reports.push(message), onRenewed: () => {} })
    expect(await tokens.current('s1', 'w1')).toBeUndefined()
    expect(tokens.isStopped('s1')).toBe(true)
    expect(reports).toEqual([{ type: 'denied', storeId: 's1', status: 404 }])
  })

  it('a token request that never answers is given up in time, and the next attempt asks again', async () => {
    const fresh = await token()
    // Only the timers: reading a Response's body relies on the real event loop.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    try {
      let answering = false
      // Like a server mid-restart that holds the request open: it ends only when the request is aborted.
      const fetch = endpoint(() => Promise.reject(new Error('unused')))
      fetch.mockImplementation((_url, init) =>
        answering
          ? Promise.resolve(Response.json({ token: fresh, storeId: 's1' }))
          : new Promise<Response>((_resolve, reject) =>
              init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
            ),
      )
      const tokens = makeSyncTokens({ report: () => {}, onRenewed: () => {} })
      const first = tokens.current('s1', 'w1')
      await vi.advanceTimersByTimeAsync(TOKEN_REQUEST_TIMEOUT_MS)
      expect(await first).toBeUndefined()
      expect(tokens.isStopped('s1')).toBe(false)
      // The server answers again; a periodic check may have asked meanwhile, and that request gives up too.
      answering = true
      await vi.advanceTimersByTimeAsync(TOKEN_REQUEST_TIMEOUT_MS)
      expect(await tokens.current('s1', 'w1')).toBe(fresh)
    } finally {
      vi.useRealTimers()
    }
  })

  it('offline: no token now, and no access verdict either', async () => {
    endpoint(async () => {
      throw new TypeError('Failed to fetch')
    })
    const tokens = makeSyncTokens({ report: () => {}, onRenewed: () => {} })
    expect(await tokens.current('s1', 'w1')).toBeUndefined()
    expect(tokens.isStopped('s1')).toBe(false)
  })
})
