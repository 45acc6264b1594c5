// The Worker's /sync route: checks the request's shape, the sync token (the `token` parameter beside
// LiveStore's payload, lib/sync/sync-params.ts) and the membership in D1, then hands it to sync-cf, which
// forwards it to the store's Durable Object. Anything malformed or unauthorized is answered here with a
// 4xx and never forwarded.
import { type CfTypes, handleSyncRequest, matchSyncRequest } from '@livestore/sync-cf/cf-worker'

import { membershipRole } from '../auth/membership'
import { errorResponse } from '../http-error'
import { storeIdProblem } from '../store-id'
import { withIdentity } from './connection-identity'
import { isWorkspaceSyncPayload, SYNC_TOKEN_PARAM } from './sync-params'
import { storeIdForWorkspace, verifySyncToken } from './token'

export const SYNC_PATH = '/sync'
export const SYNC_BACKEND_BINDING = 'SYNC_BACKEND_DO'

export type SyncEnv = Pick<CloudflareEnv, typeof SYNC_BACKEND_BINDING | 'DB' | 'BETTER_AUTH_SECRET'>

// sync-cf is typed against its own pinned copy of @cloudflare/workers-types; the runtime objects are the same.
type CfSyncEnv = { [SYNC_BACKEND_BINDING]: CfTypes.DurableObjectNamespace }

export const isSyncRequest = (request: Request): boolean => new URL(request.url).pathname === SYNC_PATH

export const handleSync = async (request: Request, env: SyncEnv, ctx: ExecutionContext): Promise<Response> => {
  const cfRequest = request as unknown as CfTypes.Request
  const url = new URL(request.url)
  const storeId = url.searchParams.get('storeId')
  const problem = storeIdProblem(storeId)
  if (problem !== undefined) return errorResponse(400, 'invalid_store_id', problem)

  const params = matchSyncRequest(cfRequest)
  if (params === undefined) {
    return errorResponse(400, 'invalid_sync_request', 'expected ?storeId=…&transport=ws and a JSON payload, if any')
  }
  if (params.transport !== 'ws') {
    return errorResponse(400, 'unsupported_transport', 'only the WebSocket transport is served')
  }
  if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') {
    return errorResponse(426, 'upgrade_required', 'the sync route expects a WebSocket upgrade')
  }

  const check = await verifySyncToken(env.BETTER_AUTH_SECRET, url.searchParams.get(SYNC_TOKEN_PARAM) ?? undefined)
  if (!check.ok) return errorResponse(401, 'invalid_sync_token', `sync token refused: ${check.reason}`)
  const { userId, workspaceId } = check.claims
  if ((await storeIdForWorkspace(workspaceId)) !== params.storeId) {
    return errorResponse(403, 'wrong_workspace', 'the sync token is for another workspace')
  }
  if (!isWorkspaceSyncPayload(params.payload) || params.payload.workspaceId !== workspaceId) {
    return errorResponse(
      400,
      'invalid_sync_payload',
      'the sync payload must be {"workspaceId"} of the token\'s workspace',
    )
  }
  // The token may outlive a removal or a role change by minutes; D1 has the truth now.
  const role = await membershipRole(env.DB, workspaceId, userId)
  if (role === null) return errorResponse(403, 'not_a_member', 'you are no longer a member of this workspace')

  const identity = { userId, role, workspaceId, sessionId: crypto.randomUUID() }
  const response = await handleSyncRequest<CfSyncEnv>({
    request: withIdentity(request, identity) as unknown as CfTypes.Request,
    searchParams: params,
    env: env as unknown as CfSyncEnv,
    ctx: ctx as unknown as CfTypes.ExecutionContext,
    syncBackendBinding: SYNC_BACKEND_BINDING,
  })
  return response as unknown as Response
}
