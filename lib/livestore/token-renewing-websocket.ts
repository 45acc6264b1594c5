// Sync tokens live minutes, sync sessions live hours. sync-cf opens every (re)connection with
// `new WebSocket(url)`, the token inside the URL's payload fixed when the store was created. In the
// leader worker this wrapper keeps a fresh token per store (renewed through the app's token endpoint
// before it expires) and puts it into each new connection's URL, so reconnects after a long session
// or an offline spell need no reload, and events committed meanwhile simply wait in the local log.
// It also reports why the server ended a connection for good, and closes sockets when the browser
// goes offline: LiveStore 0.4.0 notices a dead socket only by a ping timeout, which it retries without
// failing the requests in flight, so a push sent into a dead socket would wait forever; closed, the
// push fails and is retried on the next connection.
import { decodeJwt } from 'jose'

import { SYNC_CLOSE } from '../sync/close-codes'
import {
  CONNECTIVITY_CHANNEL,
  OFFLINE_MESSAGE,
  SYNC_ACCESS_CHANNEL,
  type SyncAccessMessage,
  type WorkspaceSyncPayload,
} from './sync-access'

/** Renew once a token has used two thirds of its lifetime (tokens live minutes). */
const RENEW_AFTER_FRACTION = 2 / 3
const CHECK_INTERVAL_MS = 5_000

type Entry = WorkspaceSyncPayload & {
  /** Server time (ms) the token expires: only to pick the newest of two tokens. */
  expiresAt: number
  /** Client time (ms) to renew: measured from when the token arrived, so a skewed clock does not matter. */
  renewAt: number
  /** Access is gone (membership or session): renewing again would only be refused. */
  stopped?: boolean
  renewing?: Promise<void>
}

/** Times of a token from its (unverified: only the server judges it) claims. */
const timesOf = (token: string, receivedAt = Date.now()): { renewAt: number; expiresAt: number } => {
  try {
    const { exp, iat } = decodeJwt(token)
    if (exp === undefined || iat === undefined) throw new Error('token without exp or iat')
    return { renewAt: receivedAt + (exp - iat) * 1000 * RENEW_AFTER_FRACTION, expiresAt: exp * 1000 }
  } catch {
    return { renewAt: 0, expiresAt: 0 }
  }
}

const payloadOf = (url: URL): WorkspaceSyncPayload | undefined => {
  try {
    const raw = url.searchParams.get('payload')
    const value: unknown = raw === null ? undefined : JSON.parse(decodeURIComponent(raw))
    return typeof value === 'object' &&
      value !== null &&
      'token' in value &&
      'workspaceId' in value &&
      typeof value.token === 'string' &&
      typeof value.workspaceId === 'string'
      ? { token: value.token, workspaceId: value.workspaceId }
      : undefined
  } catch {
    return undefined
  }
}

export const installTokenRenewingWebSocket = () => {
  const entries = new Map<string, Entry>()
  const channel = new BroadcastChannel(SYNC_ACCESS_CHANNEL)
  const post = (message: SyncAccessMessage) => channel.postMessage(message)

  const renew = (storeId: string, entry: Entry): Promise<void> => {
    entry.renewing ??= (async () => {
      try {
        const response = await fetch(`/api/workspaces/${encodeURIComponent(entry.workspaceId)}/sync-token`, {
          method: 'POST',
          credentials: 'same-origin',
        })
        if (response.status === 401 || response.status === 403 || response.status === 404) {
          entry.stopped = true
          post({ type: 'denied', storeId, status: response.status })
          return
        }
        if (!response.ok) return
        const body = (await response.json()) as { token: string; expiresAt: number; storeId: string }
        if (body.storeId !== storeId) return
        entry.token = body.token
        Object.assign(entry, timesOf(body.token))
        post({ type: 'renewed', storeId, expiresAt: entry.expiresAt })
      } catch {
        // Offline: the next check or connection attempt tries again.
      } finally {
        entry.renewing = undefined
      }
    })()
    return entry.renewing
  }

  const renewIfDue = (storeId: string, entry: Entry) => {
    if (!entry.stopped && Date.now() >= entry.renewAt) void renew(storeId, entry)
  }

  setInterval(() => {
    for (const [storeId, entry] of entries) renewIfDue(storeId, entry)
  }, CHECK_INTERVAL_MS)

  const NativeWebSocket = globalThis.WebSocket
  const openSockets = new Set<WebSocket>()
  const closeAll = () => {
    for (const socket of openSockets) socket.close(4000, 'browser offline')
  }
  globalThis.addEventListener('offline', closeAll)
  new BroadcastChannel(CONNECTIVITY_CHANNEL).onmessage = (event: MessageEvent) => {
    if (event.data === OFFLINE_MESSAGE) closeAll()
  }

  class TokenRenewingWebSocket extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      const target = new URL(url)
      const storeId = target.searchParams.get('storeId')
      const payload = payloadOf(target)
      if (storeId !== null && payload !== undefined) {
        let entry = entries.get(storeId)
        const times = timesOf(payload.token)
        if (entry === undefined || times.expiresAt > entry.expiresAt) {
          entry = { ...payload, ...times }
          entries.set(storeId, entry)
        }
        target.searchParams.set(
          'payload',
          encodeURIComponent(JSON.stringify({ token: entry.token, workspaceId: entry.workspaceId })),
        )
        renewIfDue(storeId, entry)
      }
      super(target, protocols)
      const entry = storeId === null ? undefined : entries.get(storeId)
      if (storeId !== null && entry !== undefined) {
        let opened = false
        this.addEventListener('open', () => {
          opened = true
          openSockets.add(this)
        })
        this.addEventListener('close', (event) => {
          openSockets.delete(this)
          if (event.code === SYNC_CLOSE.accessRevoked) {
            entry.stopped = true
            post({ type: 'revoked', storeId, reason: event.reason })
          } else if (event.code === SYNC_CLOSE.pushRefused) post({ type: 'refused', storeId, reason: event.reason })
          else if (event.code === SYNC_CLOSE.roleChanged) post({ type: 'role-changed', storeId })
          // Refused before opening: a browser cannot read the route's 401/403, so ask the token endpoint,
          // which either renews the token for the next attempt or says why access is gone.
          else if (!opened && !entry.stopped) void renew(storeId, entry)
        })
      }
    }
  }

  globalThis.WebSocket = TokenRenewingWebSocket
}
