'use client'

// The chat's part of the workspace's JSON export: channels and messages, oldest first.
import type { WorkspaceStore } from '@/components/workspace-store/store'
import { tables } from '@/lib/livestore/schema'

export const exportData = (store: WorkspaceStore) => ({
  channels: store.query(tables.channels.orderBy('createdAt', 'asc')),
  messages: store.query(tables.messages.orderBy('createdAt', 'asc')),
})
