// The chat demo as the template sees it (lib/workspace-app.ts): its page, its activity lines, its part
// of the export, its server-built first view. components/workspace-app.ts points here; a fork points it
// at its own folder. The server reads the title and runs the preview's fold (./preview.ts, no LiveStore);
// everything else comes from 'use client' modules, since LiveStore never runs on the server.
import type { WorkspaceApp } from '@/lib/workspace-app'

import { useDescribeEvent } from './activity'
import { ChatApp } from './chat-app'
import { exportData } from './export'
import { chatPreview } from './preview'

export const chatApp = {
  title: 'Chat',
  Main: ChatApp,
  useDescribeEvent,
  exportData,
  preview: chatPreview,
} satisfies WorkspaceApp
