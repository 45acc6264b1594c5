// Types of seed.mjs, for the TypeScript callers (tests/e2e/sync-load.spec.ts).
import type { LoadWorkspace } from './sync-load.d.mts'

export declare const planWorkspaces: (options: {
  prefix: string
  workspaces: number
  membersPerWorkspace: number
}) => LoadWorkspace[]

export declare const seedWorkspaces: (persistTo: string, plan: readonly LoadWorkspace[]) => void
