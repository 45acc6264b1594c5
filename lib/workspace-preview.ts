// A workspace's first view, built on the server: the app's preview (AppPreview) folded from the event log
// (sync-cf's table in D1), for the workspace page to send with its HTML. The fold's state is cached per
// store in this isolate, so a page load reads only the events pushed since the last one; a first load
// pages through the log. The event log stays the only thing stored.
import type { ComponentType } from 'react'

import { eventLogTable } from './sync/sync-metadata'

/** An event as the activity page and the preview read it from the event log: every event has `userId` and `at`. */
export type AppEvent = { name: string; args: Record<string, unknown> }

/**
 * A first view of the workspace, built on the server from the event log and sent with the page, so a new
 * browser or a reload shows the newest data at once while the store opens. The event log stays the
 * source of truth: the preview is folded from it, never stored, and replaced by the app's `Main` as soon
 * as the store is ready.
 */
export type AppPreview<State, View> = {
  /** The fold's starting state. It stays on the server (cached per workspace), so it may hold Maps. */
  initial: () => State
  /**
   * Applies one event from the log, oldest first, with its arguments as stored (dates as epoch
   * milliseconds); may mutate `state`. Mirrors the materializers for what the view shows, and keeps
   * the state bounded (a window of the newest items, not every item). Events it does not know are ignored.
   */
  apply: (state: State, event: AppEvent) => void
  /** What `Preview` renders: plain JSON-serializable data, small (it travels with the page). */
  view: (state: State) => View
  /** Renders the view read-only ('use client' without the store: it runs on the server and in the browser). */
  Preview: ComponentType<{ view: View }>
}

/** Declares an app's preview with its State and View types checked against each other. */
export const definePreview = <State, View>(preview: AppPreview<State, View>) => preview

/**
 * Events read per D1 query, and queries per page load: a huge log is folded over several loads. What this
 * isolate keeps, least recently used dropped first: at most 64 stores, and folds of at most 200,000 events
 * in all (a fold may remember something of every event, e.g. the chat's message ids), but always the store
 * just folded.
 */
const LIMITS = { pageSize: 2_000, pagesPerLoad: 25, cachedStores: 64, cachedEvents: 200_000 }

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

/** A folded view, and the sequence number of the last event in it (the page waits for its store to reach it). */
export type PreviewResult<View> = { view: View; head: number }

/**
 * The preview's view of a store's event log now, or undefined while the log is larger than one load
 * folds (the next load goes on where this one stopped) or when the store has no log yet.
 */
export async function previewView<State, View>(
  db: D1Database,
  storeId: string,
  preview: AppPreview<State, View>,
  { pageSize, pagesPerLoad, cachedStores, cachedEvents: eventBudget } = LIMITS,
): Promise<PreviewResult<View> | undefined> {
  const table = eventLogTable(storeId)
  for (let load = 0; load < pagesPerLoad; load++) {
    let cached = cache.get(storeId)
    if (cached?.preview !== preview) cached = undefined
    const from = cached?.seqNum ?? 0
    // One round trip per page: a store nobody has synced yet has no table, which the query reports.
    const batch = await db
      .batch<Row | { head: number | null }>([
        db.prepare(`SELECT max(seqNum) AS head FROM "${table}"`),
        db
          .prepare(`SELECT seqNum, name, args FROM "${table}" WHERE seqNum > ? ORDER BY seqNum LIMIT ?`)
          .bind(from, pageSize),
      ])
      .catch((error: unknown) => {
        if (error instanceof Error && error.message.includes('no such table')) return undefined
        throw error
      })
    if (batch === undefined) {
      cache.delete(storeId)
      return undefined
    }
    const [head, page] = batch
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
    let cachedEvents = 0
    for (const cached of cache.values()) cachedEvents += cached.seqNum
    for (const [oldest, cached] of cache) {
      if (oldest === storeId || (cache.size <= cachedStores && cachedEvents <= eventBudget)) break
      cache.delete(oldest)
      cachedEvents -= cached.seqNum
    }
    if (events.length < pageSize) return { view: preview.view(entry.state as State), head: entry.seqNum }
  }
  return undefined
}
