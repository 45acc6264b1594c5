'use client'

import dynamic from 'next/dynamic'

// Both read the workspace's store, which lives in the browser: never rendered on the server.
export const ActivityLoader = dynamic(() => import('./activity').then((m) => m.Activity), {
  ssr: false,
  loading: () => <p className="text-sm text-zinc-500">Loading activity…</p>,
})

export const ExportButtonLoader = dynamic(() => import('./export-button').then((m) => m.ExportButton), {
  ssr: false,
})
