'use client'

import { StoreIsland } from './store'
import { SyncStatus } from './sync-status'

export function SyncStatusIsland() {
  return (
    <StoreIsland fallback={<p className="text-xs text-zinc-500">Opening…</p>}>
      <SyncStatus />
    </StoreIsland>
  )
}
