// The task list as the template sees it (lib/workspace-app.ts). Everything but the title comes from
// 'use client' modules: the workspace layout reads the title on the server, where LiveStore never runs.
import type { WorkspaceApp } from '@/lib/workspace-app'

import { useDescribeEvent } from './activity'
import { exportData } from './export'
import { TaskList } from './task-list'

export const tasksApp = {
  title: 'Tasks',
  Main: TaskList,
  useDescribeEvent,
  exportData,
} satisfies WorkspaceApp
