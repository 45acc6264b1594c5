'use client'

// Signing out ends the session and deletes this browser's local workspace stores.
import { useState } from 'react'

import { authClient } from '@/lib/auth/client'

import { deleteLocalStores } from './local-stores'
import { deleteOfflineCaches } from './offline-shell'
import { announceSignOut } from './sync-access'

/** `then`: where to go afterwards (a same-site path), the sign-in page by default. */
export function SignOutButton({
  then = '/sign-in',
  className = 'underline disabled:opacity-60',
}: {
  then?: string
  className?: string
}) {
  const [pending, setPending] = useState(false)
  const signOut = async () => {
    setPending(true)
    try {
      // Close the stores first: their workers hold the OPFS files that are about to go. Bounded: in a tab
      // that is not the store's leader, the shutdown never finished and the button said "Signing out…" forever.
      const { disposeStoresWithin } = await import('./store')
      await disposeStoresWithin(2_000)
      await authClient.signOut()
      // Other tabs close their stores too, or their workers would keep the files open.
      announceSignOut()
      await Promise.all([deleteLocalStores(), deleteOfflineCaches()])
    } finally {
      // A full load, so no worker of the signed-out session survives in this tab.
      window.location.assign(then.startsWith('/') && !then.startsWith('//') ? then : '/sign-in')
    }
  }
  return (
    <button type="button" onClick={signOut} disabled={pending} className={className}>
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  )
}
