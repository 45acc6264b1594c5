'use client'

// Listens for the leader worker's reports on a store's access (lib/livestore/sync-access.ts).
import { useEffect, useState } from 'react'

import { isSyncAccessMessage, SYNC_ACCESS_CHANNEL } from '@/lib/livestore/sync-access'

export type AccessState = { state: 'ok' } | { state: 'revoked'; reason: string } | { state: 'signed-out' }

export const useSyncAccess = (storeId: string): AccessState => {
  const [access, setAccess] = useState<AccessState>({ state: 'ok' })
  useEffect(() => {
    const channel = new BroadcastChannel(SYNC_ACCESS_CHANNEL)
    channel.onmessage = (event: MessageEvent) => {
      const message: unknown = event.data
      if (!isSyncAccessMessage(message) || message.storeId !== storeId) return
      if (message.type === 'revoked') setAccess({ state: 'revoked', reason: message.reason })
      if (message.type === 'denied') {
        setAccess(message.status === 401 ? { state: 'signed-out' } : { state: 'revoked', reason: 'access revoked' })
      }
    }
    return () => channel.close()
  }, [storeId])
  return access
}
