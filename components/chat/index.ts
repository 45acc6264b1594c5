// The chat demo as the template sees it (lib/workspace-app.ts): its page, its activity lines, its part
// of the export. components/workspace-app.ts points here; a fork points it at its own folder.
// Everything but the title comes from 'use client' modules: the workspace layout reads the title on the
// server, where LiveStore never runs.
import type { WorkspaceApp } from '@/lib/workspace-app'

import { useDescribeEvent } from './activity'
import { ChatApp } from './chat-app'
import { exportData } from './export'

export const chatApp = {
  title: 'Chat',
  Main: ChatApp,
  useDescribeEvent,
  exportData,
} satisfies WorkspaceApp
