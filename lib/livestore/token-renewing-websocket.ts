// Sync tokens live minutes, sync sessions live hours. sync-cf opens every (re)connection with
// `new WebSocket(url)`, the token inside the URL's payload fixed when the store was created. In the
// leader worker this wrapper keeps a fresh token per store (renewed through the app's token endpoint
// before it expires) and puts it into each new connection's URL, so reconnects after a long session
// or an offline spell need no reload, and events committed meanwhile simply wait in the local log.
// It also reports why the server ended a connection for good.
import { SYNC_CLOSE } from '../sync/close-codes'
import { SYNC_ACCESS_CHANNEL, type SyncAccessMessage, type WorkspaceSyncPayload } from './sync-access'

/** Renew when a token has less than this left (tokens live 5 minutes). */
const RENEW_BEFORE_EXPIRY_MS = 90_000
const CHECK_INTERVAL_MS = 20_000

type Entry = WorkspaceSyncPayload & { expiresAt: number; renewing?: Promise<void> }

const expiryOf = (token: string): number => {
  try {
    const claims: unknown = JSON.parse(atob(token.split('.')[1]!.replaceAll('-', '+').replaceAll('_', '/')))
    return typeof claims === 'object' && claims !== null && 'exp' in claims && typeof claims.exp === 'number'
      ? claims.exp * 1000
      : 0
  } catch {
    return 0
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
          post({ type: 'denied', storeId, status: response.status })
          return
        }
        if (!response.ok) return
        const body = (await response.json()) as { token: string; expiresAt: number; storeId: string }
        if (body.storeId !== storeId) return
        entry.token = body.token
        entry.expiresAt = expiryOf(body.token)
        post({ type: 'renewed', storeId, expiresAt: entry.expiresAt })
      } catch {
        // Offline: the next check or connection attempt tries again.
      } finally {
        entry.renewing = undefined
      }
    })()
    return entry.renewing
  }

  const renewIfExpiring = (storeId: string, entry: Entry) => {
    if (entry.expiresAt - Date.now() < RENEW_BEFORE_EXPIRY_MS) void renew(storeId, entry)
  }

  setInterval(() => {
    for (const [storeId, entry] of entries) renewIfExpiring(storeId, entry)
  }, CHECK_INTERVAL_MS)

  const NativeWebSocket = globalThis.WebSocket

  class TokenRenewingWebSocket extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      const target = new URL(url)
      const storeId = target.searchParams.get('storeId')
      const payload = payloadOf(target)
      if (storeId !== null && payload !== undefined) {
        let entry = entries.get(storeId)
        const expiresAt = expiryOf(payload.token)
        if (entry === undefined || expiresAt > entry.expiresAt) {
          entry = { ...payload, expiresAt }
          entries.set(storeId, entry)
        }
        target.searchParams.set(
          'payload',
          encodeURIComponent(JSON.stringify({ token: entry.token, workspaceId: entry.workspaceId })),
        )
        renewIfExpiring(storeId, entry)
      }
      super(target, protocols)
      if (storeId !== null) {
        this.addEventListener('close', (event) => {
          if (event.code === SYNC_CLOSE.accessRevoked) post({ type: 'revoked', storeId, reason: event.reason })
        })
      }
    }
  }

  globalThis.WebSocket = TokenRenewingWebSocket
}
