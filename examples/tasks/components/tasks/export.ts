'use client'

// The task list's part of the workspace's JSON export.
import type { WorkspaceStore } from '@/components/workspace-store/store'
import { tables } from '@/lib/livestore/schema'

export const exportData = (store: WorkspaceStore) => ({ tasks: store.query(tables.tasks.orderBy('createdAt', 'asc')) })
