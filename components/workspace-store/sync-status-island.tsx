'use client'

import { StoreIsland } from './store'
import { SyncIndicator, SyncStatus } from './sync-status'

const stopped = () => <SyncIndicator phase="stopped" pending={0} />

export function SyncStatusIsland() {
  return (
    <StoreIsland fallback={<p className="text-xs text-zinc-500">Opening…</p>} failed={stopped}>
      <SyncStatus />
    </StoreIsland>
  )
}
