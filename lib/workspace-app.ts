// What the template needs from the app that runs in each workspace: the chat demo (components/chat/)
// or a fork's own. components/workspace-app.ts names the one in use; lib/livestore/schema.ts holds its
// events, tables, materializers and event rights. Nothing else in the template knows the app.
import type { ComponentType } from 'react'

import type { WorkspaceStore } from '@/components/workspace-store/store'

import type { AppEvent, AppPreview } from './workspace-preview'

export type { AppEvent, AppPreview } from './workspace-preview'
export { definePreview } from './workspace-preview'

export type WorkspaceApp = {
  /** The workspace's main page, as the navigation names it. */
  title: string
  /** That page's content: rendered in the browser only, inside the workspace's store (useWorkspaceStore). */
  Main: ComponentType
  /** A hook giving the activity page its line for an event, e.g. "sent a message in #general". */
  useDescribeEvent: () => (event: AppEvent) => string
  /** The app's part of the workspace's JSON export: named lists of rows read from the store. */
  exportData: (store: WorkspaceStore) => Record<string, unknown>
  /** Optional: the server-built first view shown until the store is ready. Without it, a "loading" line. */
  // biome-ignore lint/suspicious/noExplicitAny: each app picks its own State and View; definePreview ties them.
  preview?: AppPreview<any, any>
}
