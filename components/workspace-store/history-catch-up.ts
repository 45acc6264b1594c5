// Which stores a page is still filling with the server's history (a first open pulls the event log from its
// start while the server's preview shows): the sync indicator says "Syncing…" meanwhile, not "Synced",
// although nothing local is pending. Set by the app island, read by the indicator (another island).
import { useSyncExternalStore } from 'react'

const waiting = new Map<string, number>()
const listeners = new Set<() => void>()
const notify = () => {
  for (const listener of listeners) listener()
}

/** Marks `storeId` as catching up until the returned function is called (an effect's cleanup). */
export const catchingUp = (storeId: string) => {
  waiting.set(storeId, (waiting.get(storeId) ?? 0) + 1)
  notify()
  return () => {
    const left = (waiting.get(storeId) ?? 1) - 1
    if (left > 0) waiting.set(storeId, left)
    else waiting.delete(storeId)
    notify()
  }
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** Whether a page is still waiting for `storeId` to catch up with the server's history. */
export const useCatchingUp = (storeId: string) =>
  useSyncExternalStore(
    subscribe,
    () => waiting.has(storeId),
    () => false,
  )
