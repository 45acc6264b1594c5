'use client'

import { useRouter } from 'next/navigation'
import { useCallback } from 'react'

import type { SyncAccessMessage } from '@/lib/livestore/sync-access'

import { useSyncAccess, useSyncReports } from './sync-access'
import { useWorkspace } from './workspace-context'

const alertClass =
  'rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100'

/** What the server said about this user's access or changes; a role change re-renders the page. */
export function AccessBanner() {
  const { storeId } = useWorkspace()
  const { access, refused } = useSyncAccess(storeId)
  const router = useRouter()
  // The page's rights (which controls show) come from the server render: fetch it again.
  const onRoleChange = useCallback(
    (message: SyncAccessMessage) => {
      if (message.type === 'role-changed') router.refresh()
    },
    [router],
  )
  useSyncReports(storeId, onRoleChange)
  if (access.state !== 'ok') {
    return (
      <div role="alert" className={alertClass}>
        {access.state === 'signed-out'
          ? 'You were signed out. Sign in again to keep syncing.'
          : 'Your access to this workspace was revoked. Changes here no longer sync.'}
      </div>
    )
  }
  if (refused !== undefined) {
    return (
      <div role="alert" className={alertClass}>
        The server refused a change made here ({refused}). It stays on this device only, and changes made after it wait
        behind it.
      </div>
    )
  }
  return null
}
