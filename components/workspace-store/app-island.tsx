'use client'

import { workspaceApp } from '@/components/workspace-app'

import { StoreIsland } from './store'

/** The workspace app's main page, inside the workspace's store. */
export function WorkspaceAppIsland() {
  const { Main } = workspaceApp
  return (
    <StoreIsland>
      <Main />
    </StoreIsland>
  )
}
