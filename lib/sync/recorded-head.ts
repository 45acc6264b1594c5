// sync-cf keeps a store's event log in D1 but the log's head (the number a push must build on) in the
// Durable Object's own SQLite storage, and writes them one after the other: the batch to D1, then the
// head. An object that dies between the two (a crash, an eviction, a killed dev server) comes back with a
// head behind the log. It then refuses every push built on the log's real end (ServerAheadError, with no
// pull to follow, so the browser waits for ever) and fails on D1's primary key for one built on its old
// head. The log is the truth: before sync-cf reads its head in a new instance, the head is raised to it.
import { EVENT_LOG_FORMAT_VERSION, eventLogHead } from './sync-metadata'

/** The part of a Durable Object's `storage.sql` used here (sync-cf's object is typed by its own workers types). */
type StorageSql = { exec: (query: string, ...bindings: unknown[]) => { toArray: () => Record<string, unknown>[] } }

/** sync-cf's table for a store's head and backend id, in the object's storage (same format version as the log). */
export const recordedHeadTable = `context_${EVENT_LOG_FORMAT_VERSION}`

/**
 * Raises the head sync-cf recorded for the store to the newest event in its D1 log. Returns the head it
 * was raised from, or undefined when it was already there (or nothing is recorded yet: sync-cf then
 * creates the row itself on first use).
 */
export const alignRecordedHead = async (
  sql: StorageSql,
  db: D1Database,
  storeId: string,
): Promise<number | undefined> => {
  const hasTable =
    sql.exec(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`, recordedHeadTable).toArray().length > 0
  if (!hasTable) return undefined
  const row = sql.exec(`SELECT currentHead FROM "${recordedHeadTable}" WHERE storeId = ?`, storeId).toArray()[0]
  if (row === undefined) return undefined
  const recorded = Number(row.currentHead)
  const logHead = await eventLogHead(db, storeId)
  if (logHead <= recorded) return undefined
  sql.exec(`UPDATE "${recordedHeadTable}" SET currentHead = ? WHERE storeId = ?`, logHead, storeId)
  return recorded
}
