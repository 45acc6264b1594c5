// Folds a workspace's event log (sync-cf's table in D1) into the app's preview (lib/workspace-app.ts,
// AppPreview), for the workspace page to send with its HTML. The fold's state is cached per store in this
// isolate, so a page load reads only the events pushed since the last one; a first load pages through
// the log. The event log stays the only thing stored.

import { eventLogTable } from './sync/sync-metadata'
import type { AppEvent, AppPreview } from './workspace-app'

/** Events read per D1 query, and queries per page load: a huge log is folded over several loads. */
const PAGE_SIZE = 2_000
const PAGES_PER_LOAD = 25
/** Stores whose fold this isolate keeps (least recently used dropped first). */
const CACHED_STORES = 64

type Cached = { preview: AppPreview<unknown, unknown>; state: unknown; seqNum: number }
const cache = new Map<string, Cached>()

type Row = { seqNum: number; name: string; args: string | null }

const parseArgs = (args: string | null): Record<string, unknown> | undefined => {
  if (args === null) return undefined
  try {
    const parsed: unknown = JSON.parse(args)
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

/**
 * The preview's view of a store's event log now, or undefined while the log is larger than one load
 * folds (the next load goes on where this one stopped) or when the store has no log yet.
 */
export async function previewView<State, View>(
  db: D1Database,
  storeId: string,
  preview: AppPreview<State, View>,
): Promise<View | undefined> {
  const table = eventLogTable(storeId)
  const exists = await db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).bind(table).first()
  if (exists === null) {
    cache.delete(storeId)
    return undefined
  }
  for (let load = 0; load < PAGES_PER_LOAD; load++) {
    let cached = cache.get(storeId)
    if (cached?.preview !== preview) cached = undefined
    const from = cached?.seqNum ?? 0
    const [head, page] = await db.batch<Row | { head: number | null }>([
      db.prepare(`SELECT max(seqNum) AS head FROM "${table}"`),
      db
        .prepare(`SELECT seqNum, name, args FROM "${table}" WHERE seqNum > ? ORDER BY seqNum LIMIT ?`)
        .bind(from, PAGE_SIZE),
    ])
    const headSeqNum = (head?.results[0] as { head: number | null } | undefined)?.head ?? 0
    const events = (page?.results ?? []) as Row[]
    // Synchronous from here to the cache write: requests in this isolate interleave only at awaits.
    let current = cache.get(storeId)
    if (current?.preview !== preview) current = undefined
    if (current !== undefined && current.seqNum !== from) continue // another request moved it on
    if (headSeqNum < from) {
      // The log is shorter than what was folded (the store was deleted and started again): fold anew.
      cache.delete(storeId)
      continue
    }
    const entry: Cached = current ?? {
      preview: preview as AppPreview<unknown, unknown>,
      state: preview.initial(),
      seqNum: 0,
    }
    for (const row of events) {
      const args = parseArgs(row.args)
      if (args !== undefined) preview.apply(entry.state as State, { name: row.name, args } satisfies AppEvent)
      entry.seqNum = row.seqNum
    }
    cache.delete(storeId)
    cache.set(storeId, entry)
    while (cache.size > CACHED_STORES) cache.delete(cache.keys().next().value as string)
    if (events.length < PAGE_SIZE) return preview.view(entry.state as State)
  }
  return undefined
}
