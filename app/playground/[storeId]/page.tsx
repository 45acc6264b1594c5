import { notFound } from 'next/navigation'

import { PlaygroundLoader } from '@/components/playground/playground-loader'
import { isValidStoreId } from '@/lib/store-id'

// Temporary page of the walking skeleton: any storeId, no sign-in. Workspaces replace it.
export default async function PlaygroundPage({ params }: { params: Promise<{ storeId: string }> }) {
  const { storeId } = await params
  if (!isValidStoreId(storeId)) notFound()

  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-6 px-6 py-12">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Playground</h1>
        <p className="font-mono text-xs text-zinc-500" data-testid="store-id">
          store {storeId}
        </p>
      </header>
      <PlaygroundLoader storeId={storeId} />
    </main>
  )
}
