// The LiveStore sync backend: one Durable Object per store (one per workspace), speaking sync-cf's
// WebSocket protocol and keeping the store's event log in D1 (the binding DB). On top of sync-cf:
//   - every frame is screened (lib/sync/client-message.ts) and every pushed batch checked against the
//     shared schema, size limits and the pusher's role (lib/livestore/event-rules.ts) before sync-cf sees
//     it: WebSocket is the only transport, so webSocketMessage is the one way in;
//   - STORE_METADATA and CLIENT_SESSIONS rows are kept in D1;
//   - a new instance raises sync-cf's recorded head to the D1 log before sync-cf reads it
//     (lib/sync/recorded-head.ts);
//   - the app calls revokeUser / refreshUserRole / deleteStore through the binding when memberships
//     change, and open sockets are closed at once; as a safety net the object re-reads its connections'
//     memberships in D1 right after each connect and every minute while sockets are open.
import { makeDurableObject } from '@livestore/sync-cf/cf-worker'
import { membershipRole } from '../lib/auth/membership'
import { pushedBatchProblem } from '../lib/livestore/event-rules'
import { closeReason, screenClientMessage } from '../lib/sync/client-message'
import { SYNC_CLOSE } from '../lib/sync/close-codes'
import { type ConnectionIdentity, identityFrom, identityHeaders } from '../lib/sync/connection-identity'
import { alignRecordedHead } from '../lib/sync/recorded-head'
import {
  eventLogTable,
  recordSessionOpened,
  recordSessionsEnded,
  recordStaleSessions,
  refreshStoreMetadata,
  type SessionStatus,
} from '../lib/sync/sync-metadata'

/**
 * Store metadata is recomputed this long after a push, once sync-cf has written it, on a timer of this
 * instance rather than the object's alarm: every push read and set the alarm (two storage operations), and
 * under `wrangler dev` setAlarm took 13% of the object's thread in a 10 s profile of sends (calls of 5–290 ms).
 */
const METADATA_REFRESH_DELAY_MS = 200
/** How often open connections' memberships are re-read from D1 (a safety net behind revokeUser). */
const MEMBERSHIP_CHECK_INTERVAL_MS = 60_000

const SyncBackendBase = makeDurableObject({
  storage: { _tag: 'd1', binding: 'DB' },
  // Browsers sync over WebSocket only; the HTTP and DO-RPC transports stay closed.
  enabledTransports: new Set(['ws']),
  // The identity the /sync route verified travels with the socket (and survives hibernation).
  forwardHeaders: identityHeaders,
})

type DoState = ConstructorParameters<typeof SyncBackendBase>[0]
type SyncSocket = ReturnType<DoState['getWebSockets']>[number]
type Attachment = { storeId: string; identity: ConnectionIdentity | undefined }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** What sync-cf recorded on the socket when it accepted the connection. */
const attachmentOf = (ws: SyncSocket): Attachment | undefined => {
  const raw: unknown = ws.deserializeAttachment()
  if (typeof raw !== 'string') return undefined
  const parsed: unknown = JSON.parse(raw)
  if (!isRecord(parsed) || typeof parsed.storeId !== 'string') return undefined
  const headers = isRecord(parsed.headers) ? parsed.headers : {}
  const get = (name: string) => (typeof headers[name] === 'string' ? headers[name] : undefined)
  return { storeId: parsed.storeId, identity: identityFrom({ get }) }
}

export class SyncBackendDO extends SyncBackendBase {
  private readonly db: D1Database
  private readonly state: DoState
  private lastMembershipCheck = 0
  private lastEventCount: number | undefined
  private metadataRefresh: ReturnType<typeof setTimeout> | undefined
  /** Settles once this instance's recorded head agrees with the log; sync-cf reads it only after. */
  private headAligned: Promise<void> | undefined

  constructor(ctx: DoState, env: ConstructorParameters<typeof SyncBackendBase>[1]) {
    super(ctx, env)
    this.state = ctx
    this.db = (env as { DB: D1Database }).DB

    // sync-cf installs its handlers on the instance; wrap them.
    const handleMessage = this.webSocketMessage?.bind(this)
    const handleClose = this.webSocketClose?.bind(this)
    const handleFetch = this.fetch.bind(this)
    if (handleMessage === undefined || handleClose === undefined) {
      throw new Error('sync-cf did not install its WebSocket handlers')
    }

    this.fetch = async (request) => {
      const storeId = new URL(request.url).searchParams.get('storeId')
      if (storeId !== null && !(await this.alignHead(storeId))) {
        // (sync-cf is typed against its own copy of the workers types.)
        return new Response('sync storage unavailable, try again', { status: 503 }) as unknown as ReturnType<
          typeof handleFetch
        >
      }
      const response = await handleFetch(request)
      const identity = identityFrom(request.headers)
      if (response.status === 101 && storeId !== null && identity !== undefined) {
        // Bookkeeping must not fail a connection that is already accepted.
        this.state.waitUntil(this.afterConnect(storeId, identity))
      }
      return response
    }

    this.webSocketMessage = async (ws, message) => {
      const attachment = attachmentOf(ws)
      const identity = attachment?.identity
      const screened =
        attachment === undefined
          ? { problem: 'connection has no store' }
          : identity === undefined
            ? { problem: 'connection has no verified user' }
            : screenClientMessage(message, attachment.storeId)
      if (screened.problem !== undefined || attachment === undefined || identity === undefined) {
        ws.close(SYNC_CLOSE.refusedMessage, closeReason(`invalid sync message: ${screened.problem}`))
        return
      }
      if (!(await this.alignHead(attachment.storeId))) {
        // The browser reconnects (its pending events stay pending) and the next instance tries again.
        ws.close(1011, 'sync storage unavailable')
        return
      }
      // Refused here, before sync-cf sees the frame: closing tells the client why, where an RPC error
      // would have LiveStore retry the same batch silently forever.
      for (const batch of screened.pushBatches) {
        const refusal = pushedBatchProblem(batch, identity)
        if (refusal !== undefined) {
          ws.close(SYNC_CLOSE.pushRefused, closeReason(`push refused: ${refusal}`))
          return
        }
      }
      await handleMessage(ws, message)
      if (screened.pushBatches.length > 0) this.refreshMetadataSoon(attachment.storeId, METADATA_REFRESH_DELAY_MS)
    }

    this.webSocketClose = async (ws, code, reason, wasClean) => {
      try {
        const sessionId = attachmentOf(ws)?.identity?.sessionId
        if (sessionId !== undefined) await recordSessionsEnded(this.db, [sessionId], 'disconnected')
      } catch (error) {
        console.error('sync: could not record a closed session', error)
      } finally {
        await handleClose(ws, code, reason, wasClean)
      }
    }
  }

  /** False when D1 could not be read: nothing may reach sync-cf until the head is known to be right. */
  private async alignHead(storeId: string): Promise<boolean> {
    this.headAligned ??= alignRecordedHead(this.state.storage.sql, this.db, storeId).then((raisedFrom) => {
      if (raisedFrom !== undefined) console.warn(`sync: recorded head of ${storeId} was ${raisedFrom}, behind its log`)
    })
    try {
      await this.headAligned
      return true
    } catch (error) {
      this.headAligned = undefined
      console.error('sync: could not read the event log head', error)
      return false
    }
  }

  private async afterConnect(storeId: string, identity: ConnectionIdentity) {
    try {
      await this.state.storage.put('storeId', storeId)
      await recordSessionOpened(this.db, { sessionId: identity.sessionId, storeId, userId: identity.userId })
      await recordStaleSessions(this.db, storeId, this.liveSessionIds())
      // A removal reported between the route's check and this accept would otherwise be missed.
      if ((await membershipRole(this.db, identity.workspaceId, identity.userId)) === null) {
        await this.revokeUser(identity.userId)
      }
      await this.scheduleAlarm(MEMBERSHIP_CHECK_INTERVAL_MS)
    } catch (error) {
      console.error('sync: could not record a new session', error)
    }
  }

  /** Sets the alarm to fire within `delayMs`, keeping an earlier one. */
  private async scheduleAlarm(delayMs: number) {
    const due = Date.now() + delayMs
    const current = await this.state.storage.getAlarm()
    if (current === null || current > due) await this.state.storage.setAlarm(due)
  }

  /** STORE_METADATA follows the event log a moment after pushes, and again until the count settles. */
  private refreshMetadataSoon(storeId: string, delayMs: number) {
    if (this.metadataRefresh !== undefined) return
    this.metadataRefresh = setTimeout(async () => {
      // Cleared before reading: a push that lands meanwhile schedules a refresh of its own.
      this.metadataRefresh = undefined
      try {
        // The append may land after the first look.
        if (await this.refreshMetadata(storeId)) this.refreshMetadataSoon(storeId, METADATA_REFRESH_DELAY_MS * 5)
      } catch (error) {
        console.error('sync: could not refresh the store metadata', error)
      }
    }, delayMs)
  }

  /** True when the event count changed since the last refresh. */
  private async refreshMetadata(storeId: string): Promise<boolean> {
    const count = await refreshStoreMetadata(this.db, storeId)
    const changed = count !== this.lastEventCount
    this.lastEventCount = count
    return changed
  }

  /**
   * While sockets are open, memberships are re-read from D1 now and then, so a removal the app failed to
   * report still ends the member's connection. The metadata is refreshed too, in case a timer was lost
   * with an evicted instance.
   */
  async alarm() {
    const storeId = await this.state.storage.get<string>('storeId')
    if (storeId === undefined) return
    await this.refreshMetadata(storeId)
    if (Date.now() - this.lastMembershipCheck >= MEMBERSHIP_CHECK_INTERVAL_MS) await this.checkMemberships()
    if (this.state.getWebSockets().length > 0) await this.scheduleAlarm(MEMBERSHIP_CHECK_INTERVAL_MS)
  }

  private async checkMemberships() {
    this.lastMembershipCheck = Date.now()
    const identities = this.state.getWebSockets().flatMap((ws) => attachmentOf(ws)?.identity ?? [])
    const seen = new Map<string, ConnectionIdentity>(identities.map((identity) => [identity.userId, identity]))
    for (const identity of seen.values()) {
      const role = await membershipRole(this.db, identity.workspaceId, identity.userId)
      if (role === null) await this.revokeUser(identity.userId)
      else {
        const stale = (other: ConnectionIdentity) => other.userId === identity.userId && other.role !== role
        await this.closeSockets(stale, SYNC_CLOSE.roleChanged, 'role changed', 'disconnected')
      }
    }
  }

  /** RPC from the app: the user is no longer a member. Their sockets close and do not come back. */
  async revokeUser(userId: string): Promise<number> {
    return this.closeSockets(
      (identity) => identity.userId === userId,
      SYNC_CLOSE.accessRevoked,
      'access revoked',
      'revoked',
    )
  }

  /** RPC from the app: the user's role changed. Their sockets reconnect, and the route reads the new role. */
  async refreshUserRole(userId: string): Promise<number> {
    return this.closeSockets(
      (identity) => identity.userId === userId,
      SYNC_CLOSE.roleChanged,
      'role changed',
      'disconnected',
    )
  }

  /** RPC from the app: the workspace is deleted. Every socket closes and the store's rows go. */
  async deleteStore(storeId: string): Promise<void> {
    await this.closeSockets(() => true, SYNC_CLOSE.accessRevoked, 'workspace deleted', 'revoked')
    await this.db.batch([
      this.db.prepare(`DROP TABLE IF EXISTS "${eventLogTable(storeId)}"`),
      this.db.prepare('DELETE FROM store_metadata WHERE store_id = ?').bind(storeId),
      this.db.prepare('DELETE FROM client_sessions WHERE store_id = ?').bind(storeId),
    ])
    // sync-cf keeps the store's backend id in the object's own storage: a recreated store starts afresh.
    await this.state.storage.deleteAll()
  }

  private liveSessionIds(): string[] {
    return this.state.getWebSockets().flatMap((ws) => attachmentOf(ws)?.identity?.sessionId ?? [])
  }

  private async closeSockets(
    matches: (identity: ConnectionIdentity) => boolean,
    code: number,
    reason: string,
    status: SessionStatus,
  ): Promise<number> {
    const closed: string[] = []
    for (const ws of this.state.getWebSockets()) {
      const identity = attachmentOf(ws)?.identity
      if (identity === undefined || !matches(identity)) continue
      ws.close(code, reason)
      closed.push(identity.sessionId)
    }
    await recordSessionsEnded(this.db, closed, status)
    return closed.length
  }
}
