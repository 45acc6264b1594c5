'use client'

import dynamic from 'next/dynamic'

// The chat reads the workspace's store, which lives in the browser: never rendered on the server.
export const ChatLoader = dynamic(() => import('./chat-app').then((m) => m.ChatApp), {
  ssr: false,
  loading: () => <p className="text-sm text-zinc-500">Loading messages…</p>,
})
