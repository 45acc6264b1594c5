'use client'

// Listens for the leader worker's reports on a store (lib/livestore/sync-access.ts); the leader may
// live in another tab.
import { useEffect, useState } from 'react'

import { isSyncAccessMessage, SYNC_ACCESS_CHANNEL, type SyncAccessMessage } from '@/lib/livestore/sync-access'

export type AccessState = { state: 'ok' } | { state: 'revoked'; reason: string } | { state: 'signed-out' }

/** Calls `onMessage` for every report about `storeId` (and for sign-outs, which concern every store). */
export const useSyncReports = (storeId: string, onMessage: (message: SyncAccessMessage) => void) => {
  useEffect(() => {
    const channel = new BroadcastChannel(SYNC_ACCESS_CHANNEL)
    channel.onmessage = (event: MessageEvent) => {
      const message: unknown = event.data
      if (isSyncAccessMessage(message) && (message.storeId === storeId || message.type === 'signed-out')) {
        onMessage(message)
      }
    }
    return () => channel.close()
  }, [storeId, onMessage])
}

export const useSyncAccess = (storeId: string): { access: AccessState; refused: string | undefined } => {
  const [access, setAccess] = useState<AccessState>({ state: 'ok' })
  const [refused, setRefused] = useState<string | undefined>(undefined)
  const [onMessage] = useState(() => (message: SyncAccessMessage) => {
    if (message.type === 'revoked') setAccess({ state: 'revoked', reason: message.reason })
    if (message.type === 'denied') {
      setAccess(message.status === 401 ? { state: 'signed-out' } : { state: 'revoked', reason: 'access revoked' })
    }
    if (message.type === 'refused') setRefused(message.reason)
  })
  useSyncReports(storeId, onMessage)
  return { access, refused }
}

let signingOutHere = false
/** True in the tab whose sign-out button was used (it cleans up and navigates itself). */
export const isSigningOutHere = () => signingOutHere

/** Tells every tab that this user signed out. */
export const announceSignOut = () => {
  signingOutHere = true
  const channel = new BroadcastChannel(SYNC_ACCESS_CHANNEL)
  channel.postMessage({ type: 'signed-out', storeId: '*' } satisfies SyncAccessMessage)
  channel.close()
}
