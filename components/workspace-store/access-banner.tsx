'use client'

import { useSyncAccess } from './sync-access'
import { useWorkspace } from './workspace-context'

/** Shown in place of the workspace's content when the server ended this user's access. */
export function AccessBanner() {
  const { storeId } = useWorkspace()
  const access = useSyncAccess(storeId)
  if (access.state === 'ok') return null
  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      {access.state === 'signed-out'
        ? 'You were signed out. Sign in again to keep syncing.'
        : 'Your access to this workspace was revoked. Changes here no longer sync.'}
    </div>
  )
}
