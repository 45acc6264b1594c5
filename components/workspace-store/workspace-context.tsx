'use client'

// What the server knows about the workspace on this page, for the client-only store and its UI.
// Safe to render on the server: nothing here touches LiveStore or the browser.
import { createContext, type ReactNode, useContext } from 'react'

import type { WorkspaceRole } from '@/lib/auth/permissions'

export type WorkspaceInfo = {
  workspaceId: string
  name: string
  slug: string
  storeId: string
  userId: string
  role: WorkspaceRole
  /** userId → display name, for authors and the activity page. */
  memberNames: Record<string, string>
  /**
   * The newest event the server had when the page was rendered: until the store has it, a first open is still
   * pulling history, and the sync indicator says "Syncing…" although nothing local waits.
   */
  serverHead: number
}

const WorkspaceContext = createContext<WorkspaceInfo | null>(null)

export function WorkspaceProvider({ value, children }: { value: WorkspaceInfo; children: ReactNode }) {
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>
}

export const useWorkspace = (): WorkspaceInfo => {
  const value = useContext(WorkspaceContext)
  if (value === null) throw new Error('useWorkspace outside WorkspaceProvider')
  return value
}

/** A member's name, or a neutral label for someone who has left since the page was rendered. */
export const useMemberName = () => {
  const { memberNames } = useWorkspace()
  return (userId: string) => memberNames[userId] ?? 'Former member'
}
