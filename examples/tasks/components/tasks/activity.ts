'use client'

// How the activity page describes the task list's events.
import { useCallback } from 'react'

import { useWorkspaceStore } from '@/components/workspace-store/store'
import type { AppEvent } from '@/lib/workspace-app'

import { allTasks$ } from './queries'

export const useDescribeEvent = () => {
  const tasks = useWorkspaceStore().useQuery(allTasks$)
  return useCallback(
    ({ name, args }: AppEvent) => {
      const title =
        typeof args.title === 'string' ? args.title : (tasks.find((task) => task.id === args.id)?.title ?? 'a task')
      switch (name) {
        case 'v1.TaskAdded':
          return `added “${title}”`
        case 'v1.TaskCompleted':
          return `completed “${title}”`
        case 'v1.TaskReopened':
          return `reopened “${title}”`
        case 'v1.TaskDeleted':
          return `deleted “${title}”`
        default:
          return name
      }
    },
    [tasks],
  )
}
