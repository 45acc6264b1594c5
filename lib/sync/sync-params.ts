// The sync connection's URL, shared by the browser's leader worker and the /sync route:
//   /sync?storeId=…&transport=ws&payload={"workspaceId":…}&token=<sync token>
// LiveStore requires the sync payload to be identical in every tab of a store (a leader hand-over
// between tabs compares them), so it holds only the workspace. The short-lived token is per connection:
// the leader worker adds it to each connection URL beside the payload (lib/livestore/sync-socket.ts).
export const SYNC_TOKEN_PARAM = 'token'

/** LiveStore's sync payload for a workspace's store: the same for every tab and every moment. */
export type WorkspaceSyncPayload = { workspaceId: string }

export const isWorkspaceSyncPayload = (value: unknown): value is WorkspaceSyncPayload =>
  typeof value === 'object' &&
  value !== null &&
  'workspaceId' in value &&
  typeof value.workspaceId === 'string' &&
  value.workspaceId.length > 0
