'use client'

import type { ReactNode } from 'react'

import { workspaceApp } from '@/components/workspace-app'

import { StoreIsland } from './store'

/** The workspace app's main page, inside the workspace's store; `fallback` shows while the store opens. */
export function WorkspaceAppIsland({ fallback }: { fallback?: ReactNode }) {
  const { Main } = workspaceApp
  return (
    <StoreIsland fallback={fallback}>
      <Main />
    </StoreIsland>
  )
}
