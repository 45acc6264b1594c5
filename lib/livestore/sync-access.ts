// Messages between the leader worker (which owns the sync WebSocket and renews its token) and the
// pages showing a store, over a BroadcastChannel: the leader may live in another tab.
export const SYNC_ACCESS_CHANNEL = 'livestore-sync-access'

export type SyncAccessMessage =
  /** The server closed the connection for good (member removed, workspace deleted). */
  | { type: 'revoked'; storeId: string; reason: string }
  /** Renewing the token was refused: 401 signed out, 404 no longer a member. */
  | { type: 'denied'; storeId: string; status: number }
  /** A token was renewed (pages show nothing for it; tests and devtools can watch it). */
  | { type: 'renewed'; storeId: string; expiresAt: number }
  /** The server refused a pushed batch; the reason says why. Those events stay on this device. */
  | { type: 'refused'; storeId: string; reason: string }
  /** The user's role changed: pages re-render with the new rights. */
  | { type: 'role-changed'; storeId: string }
  /** The user signed out in some tab: every tab closes its stores. */
  | { type: 'signed-out'; storeId: '*' }

export const isSyncAccessMessage = (value: unknown): value is SyncAccessMessage =>
  typeof value === 'object' &&
  value !== null &&
  'type' in value &&
  'storeId' in value &&
  typeof value.storeId === 'string' &&
  ['revoked', 'denied', 'renewed', 'refused', 'role-changed', 'signed-out'].includes(String(value.type))
