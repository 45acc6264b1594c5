// The seed's STORE_METADATA and CLIENT_SESSIONS rows (migrations/0001_sync_metadata.sql), written by the
// sync Durable Object and read by the workspace settings page.

/**
 * sync-cf's PERSISTENCE_FORMAT_VERSION, the format its event-log tables are written in. Restated here
 * because this module also runs inside the Next.js server, where importing sync-cf's worker entry
 * breaks the bundle; tests/worker/sync-push.test.ts checks the two agree.
 */
export const EVENT_LOG_FORMAT_VERSION = 7

export type SessionStatus = 'connected' | 'disconnected' | 'revoked'

/** sync-cf's table for a store's event log (it creates the table itself on first use). */
export const eventLogTable = (storeId: string) =>
  `eventlog_${EVENT_LOG_FORMAT_VERSION}_${storeId.replaceAll(/[^a-zA-Z0-9]/g, '_')}`

/**
 * The newest event of a store's log, read by primary key: null when the log is empty, undefined when it has no
 * table yet (nobody has synced the store; sync-cf creates the table on first use).
 */
const newestEvent = (db: D1Database, storeId: string) =>
  db
    .prepare(`SELECT seqNum, createdAt FROM "${eventLogTable(storeId)}" ORDER BY seqNum DESC LIMIT 1`)
    .first<{ seqNum: number; createdAt: string }>()
    .catch((error: unknown) => {
      if (error instanceof Error && error.message.includes('no such table')) return undefined
      throw error
    })

/**
 * The sequence number of the newest event in a store's log, 0 when it has none (or no table yet: nobody has
 * synced it). What the server has now: a browser whose store is behind it is still loading history.
 */
export const eventLogHead = async (db: D1Database, storeId: string): Promise<number> =>
  (await newestEvent(db, storeId))?.seqNum ?? 0

export const recordSessionOpened = (
  db: D1Database,
  session: { sessionId: string; storeId: string; userId: string },
  now = Date.now(),
) =>
  db
    .prepare(
      `INSERT INTO client_sessions (session_id, store_id, user_id, connected_at, status) VALUES (?, ?, ?, ?, 'connected')`,
    )
    .bind(session.sessionId, session.storeId, session.userId, now)
    .run()

/** Marks sessions ended; a revoked session is never turned back into a merely disconnected one. */
export const recordSessionsEnded = async (db: D1Database, sessionIds: readonly string[], status: SessionStatus) => {
  if (sessionIds.length === 0) return
  await db.batch(
    sessionIds.map((id) =>
      db
        .prepare(`UPDATE client_sessions SET status = ? WHERE session_id = ? AND status = 'connected'`)
        .bind(status, id),
    ),
  )
}

/** Rows still "connected" whose socket the Durable Object no longer holds (it restarted, say). */
export const recordStaleSessions = async (db: D1Database, storeId: string, liveSessionIds: readonly string[]) => {
  const { results } = await db
    .prepare(`SELECT session_id AS sessionId FROM client_sessions WHERE store_id = ? AND status = 'connected'`)
    .bind(storeId)
    .all<{ sessionId: string }>()
  const live = new Set(liveSessionIds)
  // Compared here rather than in SQL: a busy store would pass D1's limit of bound parameters.
  await recordSessionsEnded(
    db,
    results.map((row) => row.sessionId).filter((id) => !live.has(id)),
    'disconnected',
  )
}

/**
 * Recomputes a store's row from its event log, so the figures cannot drift from what is stored. It runs after
 * every push, so it reads only the newest event, by primary key: the log is numbered 1…head with no gap (pushes
 * must follow on, lib/livestore/event-rules.ts), so the head is the count, and the newest event's time (the
 * server's, set when it was appended) is the last sync. Counting the rows scanned the whole log each time.
 */
export const refreshStoreMetadata = async (db: D1Database, storeId: string): Promise<number | undefined> => {
  const newest = await newestEvent(db, storeId)
  if (newest === undefined) return undefined
  const eventCount = newest?.seqNum ?? 0
  const lastSyncAt = newest === null ? null : Date.parse(newest.createdAt)
  await db
    .prepare(
      `INSERT INTO store_metadata (store_id, last_sync_at, event_count, version) VALUES (?, ?, ?, ?)
       ON CONFLICT (store_id) DO UPDATE SET last_sync_at = excluded.last_sync_at,
         event_count = excluded.event_count, version = excluded.version`,
    )
    .bind(storeId, lastSyncAt, eventCount, String(EVENT_LOG_FORMAT_VERSION))
    .run()
  return eventCount
}

export type StoreActivity = { eventCount: number; lastSyncAt: number | null; connectedDevices: number }

export const storeActivity = async (db: D1Database, storeId: string): Promise<StoreActivity> => {
  const [meta, sessions] = await db.batch<Record<string, number | null>>([
    db
      .prepare('SELECT event_count AS eventCount, last_sync_at AS lastSyncAt FROM store_metadata WHERE store_id = ?')
      .bind(storeId),
    db
      .prepare(`SELECT count(*) AS connectedDevices FROM client_sessions WHERE store_id = ? AND status = 'connected'`)
      .bind(storeId),
  ])
  const row = meta?.results[0]
  return {
    eventCount: Number(row?.eventCount ?? 0),
    lastSyncAt: row?.lastSyncAt ?? null,
    connectedDevices: Number(sessions?.results[0]?.connectedDevices ?? 0),
  }
}
