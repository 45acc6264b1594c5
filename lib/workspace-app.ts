// What the template needs from the app that runs in each workspace: the chat demo (components/chat/)
// or a fork's own. components/workspace-app.ts names the one in use; lib/livestore/schema.ts holds its
// events, tables, materializers and event rights. Nothing else in the template knows the app.
import type { ComponentType } from 'react'

import type { WorkspaceStore } from '@/components/workspace-store/store'

/** An event as the activity page reads it from the event log: every event has `userId` and `at`. */
export type AppEvent = { name: string; args: Record<string, unknown> }

/**
 * A first view of the workspace, built on the server from the event log (D1) and sent with the page, so a
 * new browser or a reload shows the newest data at once while the store opens (lib/workspace-preview.ts).
 * The event log stays the source of truth: the preview is folded from it, never stored, and replaced by
 * `Main` as soon as the store is ready.
 */
export type AppPreview<State, View> = {
  /** The fold's starting state. It stays on the server (cached per workspace), so it may hold Maps. */
  initial: () => State
  /**
   * Applies one event from the log, oldest first, with its arguments as stored (dates as epoch
   * milliseconds); may mutate `state`. Mirrors the materializers for what the view shows, and keeps
   * the state bounded (a window of the newest items, not every item). Events it does not know are ignored.
   */
  apply: (state: State, event: AppEvent) => void
  /** What `Preview` renders: plain JSON-serializable data, small (it travels with the page). */
  view: (state: State) => View
  /** Renders the view read-only ('use client' without the store: it runs on the server and in the browser). */
  Preview: ComponentType<{ view: View }>
}

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

/** Declares an app's preview with its State and View types checked against each other. */
export const definePreview = <State, View>(preview: AppPreview<State, View>) => preview
