'use client'

import dynamic from 'next/dynamic'

// The store lives in the browser (web workers, OPFS): never render it on the server.
const PlaygroundApp = dynamic(() => import('./playground-app').then((m) => m.PlaygroundApp), {
  ssr: false,
  loading: () => <p className="text-sm text-zinc-500">Loading store…</p>,
})

export function PlaygroundLoader({ storeId }: { storeId: string }) {
  return <PlaygroundApp storeId={storeId} />
}
