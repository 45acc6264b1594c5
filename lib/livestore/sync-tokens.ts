// The leader worker's sync tokens, one per store: fetched from the app's token endpoint before the
// first connection, renewed when two thirds of a token's life have passed (tokens live minutes, sync
// sessions hours), and given up once the endpoint says access is gone.
import { decodeJwt } from 'jose'

import type { SyncAccessMessage } from './sync-access'

const RENEW_AFTER_FRACTION = 2 / 3
/** A token this close to its end is not used for a new connection. */
const EXPIRY_MARGIN_MS = 5_000
const CHECK_INTERVAL_MS = 5_000
/**
 * A token request without an answer this long is given up (the next check or attempt asks again). A server
 * mid-restart or a dead network can hold a request open indefinitely, and every connection attempt waits for it.
 */
export const TOKEN_REQUEST_TIMEOUT_MS = 10_000

type Entry = {
  workspaceId: string
  token?: string
  /** Client times (ms), measured from when the token arrived, so a skewed clock does not matter. */
  renewAt: number
  usableUntil: number
  /** Access is gone (membership or session): renewing again would only be refused. */
  stopped?: boolean
  renewing?: Promise<void>
}

/** Times of a token from its (unverified: only the server judges it) claims. */
const timesOf = (token: string, receivedAt = Date.now()) => {
  try {
    const { exp, iat } = decodeJwt(token)
    if (exp === undefined || iat === undefined) throw new Error('token without exp or iat')
    const lifeMs = (exp - iat) * 1000
    return { renewAt: receivedAt + lifeMs * RENEW_AFTER_FRACTION, usableUntil: receivedAt + lifeMs - EXPIRY_MARGIN_MS }
  } catch {
    return { renewAt: 0, usableUntil: 0 }
  }
}

export const makeSyncTokens = ({
  report,
  onRenewed,
}: {
  report: (message: SyncAccessMessage) => void
  onRenewed: () => void
}) => {
  const entries = new Map<string, Entry>()
  const entryOf = (storeId: string, workspaceId: string) => {
    let entry = entries.get(storeId)
    if (entry === undefined) {
      entry = { workspaceId, renewAt: 0, usableUntil: 0 }
      entries.set(storeId, entry)
    }
    return entry
  }

  /**
   * `wake`: a renewal that succeeds says the server is reachable, so a waiting connection attempt may go at
   * once. Not for renewals asked for by a connection attempt itself: a server that keeps refusing sockets
   * while its token endpoint answers would otherwise be retried in a tight loop, with no backoff.
   */
  const renew = (storeId: string, workspaceId: string, { wake = false } = {}): Promise<void> => {
    const entry = entryOf(storeId, workspaceId)
    if (entry.stopped) return Promise.resolve()
    entry.renewing ??= (async () => {
      const abort = new AbortController()
      const timer = setTimeout(() => abort.abort(), TOKEN_REQUEST_TIMEOUT_MS)
      try {
        const response = await fetch(`/api/workspaces/${encodeURIComponent(entry.workspaceId)}/sync-token`, {
          method: 'POST',
          credentials: 'same-origin',
          signal: abort.signal,
        })
        if (response.status === 401 || response.status === 403 || response.status === 404) {
          entry.stopped = true
          report({ type: 'denied', storeId, status: response.status })
          return
        }
        if (!response.ok) return
        const body = (await response.json()) as { token: string; storeId: string }
        if (body.storeId !== storeId || typeof body.token !== 'string') return
        entry.token = body.token
        Object.assign(entry, timesOf(body.token))
        report({ type: 'renewed', storeId, expiresAt: entry.usableUntil })
        if (wake) onRenewed()
      } catch {
        // Offline, or no answer in time: the next check or connection attempt tries again.
      } finally {
        clearTimeout(timer)
        entry.renewing = undefined
      }
    })()
    return entry.renewing
  }

  setInterval(() => {
    for (const [storeId, entry] of entries) {
      if (!entry.stopped && Date.now() >= entry.renewAt) void renew(storeId, entry.workspaceId, { wake: true })
    }
  }, CHECK_INTERVAL_MS)

  return {
    renew,
    /** A token good for a new connection, fetched first if needed; undefined when none can be had now. */
    async current(storeId: string, workspaceId: string): Promise<string | undefined> {
      const entry = entryOf(storeId, workspaceId)
      if (entry.token === undefined || Date.now() >= entry.usableUntil) await renew(storeId, workspaceId)
      return !entry.stopped && entry.token !== undefined && Date.now() < entry.usableUntil ? entry.token : undefined
    },
    isStopped: (storeId: string) => entries.get(storeId)?.stopped === true,
    stop(storeId: string) {
      const entry = entries.get(storeId)
      if (entry !== undefined) entry.stopped = true
    },
  }
}
