import { redirect } from 'next/navigation'

import { newStoreId } from '@/lib/store-id'

// Each visit starts a fresh store; share its URL to sync with another window.
export const dynamic = 'force-dynamic'

export default function NewPlaygroundPage() {
  redirect(`/playground/${newStoreId()}`)
}
