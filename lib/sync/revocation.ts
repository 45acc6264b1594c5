// The app tells a workspace's sync Durable Object, through its binding, when memberships change, so
// open connections follow at once instead of at the next token expiry. Called from better-auth's
// organization hooks (lib/auth/auth.ts) and where better-auth has no hook (leaving, account deletion).
import type { SyncBackendDO } from '../../durable-objects/sync-backend'
import { storeIdForWorkspace } from './token'

type SyncBinding = Pick<CloudflareEnv, 'SYNC_BACKEND_DO'>

/** The Durable Object of a store, reached through the binding. */
export const syncBackendOf = (env: SyncBinding, storeId: string) => {
  // Typed as a union by `wrangler types`: under `next dev` the class lives in the sync worker beside
  // the app (wrangler.toml's env.dev). It is the same class either way.
  const namespace = env.SYNC_BACKEND_DO as DurableObjectNamespace<SyncBackendDO>
  return namespace.get(namespace.idFromName(storeId))
}

const backendOf = async (env: SyncBinding, workspaceId: string) => {
  const storeId = await storeIdForWorkspace(workspaceId)
  return { storeId, stub: syncBackendOf(env, storeId) }
}

/**
 * The membership change itself is already in D1 and stands whatever happens here: the sync route
 * checks D1 on every connection, so a failed call only delays the socket's end to its next reconnect.
 */
const bestEffort = async (what: string, call: () => Promise<unknown>) => {
  try {
    await call()
  } catch (error) {
    console.error(`sync: could not ${what}`, error)
  }
}

export const revokeSyncAccess = (env: SyncBinding, workspaceId: string, userId: string) =>
  bestEffort('close a removed member’s connections', async () =>
    (await backendOf(env, workspaceId)).stub.revokeUser(userId),
  )

export const refreshSyncRole = (env: SyncBinding, workspaceId: string, userId: string) =>
  bestEffort('reconnect a member under a new role', async () =>
    (await backendOf(env, workspaceId)).stub.refreshUserRole(userId),
  )

export const deleteWorkspaceStore = (env: SyncBinding, workspaceId: string) =>
  bestEffort('delete a workspace’s store', async () => {
    const { storeId, stub } = await backendOf(env, workspaceId)
    await stub.deleteStore(storeId)
  })

/** The workspaces a user belongs to, read before an account deletion removes the memberships. */
export const workspaceIdsOf = async (db: D1Database, userId: string): Promise<string[]> => {
  const { results } = await db
    .prepare('SELECT organizationId FROM member WHERE userId = ?')
    .bind(userId)
    .all<{ organizationId: string }>()
  return results.map((row) => row.organizationId)
}
