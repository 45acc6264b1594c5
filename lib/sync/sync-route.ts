// The Worker's /sync route: checks the request's shape, then hands it to sync-cf, which forwards it to
// the store's Durable Object. Anything malformed is answered here with a 4xx and never forwarded.
import { type CfTypes, handleSyncRequest, matchSyncRequest } from '@livestore/sync-cf/cf-worker'

import { errorResponse } from '../http-error'
import { storeIdProblem } from '../store-id'

export const SYNC_PATH = '/sync'
export const SYNC_BACKEND_BINDING = 'SYNC_BACKEND_DO'

export type SyncEnv = Pick<CloudflareEnv, typeof SYNC_BACKEND_BINDING>

// sync-cf is typed against its own pinned copy of @cloudflare/workers-types; the runtime objects are the same.
type CfSyncEnv = { [SYNC_BACKEND_BINDING]: CfTypes.DurableObjectNamespace }

export const isSyncRequest = (request: Request): boolean => new URL(request.url).pathname === SYNC_PATH

export const handleSync = async (request: Request, env: SyncEnv, ctx: ExecutionContext): Promise<Response> => {
  const cfRequest = request as unknown as CfTypes.Request
  const storeId = new URL(request.url).searchParams.get('storeId')
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

  const response = await handleSyncRequest<CfSyncEnv>({
    request: cfRequest,
    searchParams: params,
    env: env as unknown as CfSyncEnv,
    ctx: ctx as unknown as CfTypes.ExecutionContext,
    syncBackendBinding: SYNC_BACKEND_BINDING,
  })
  return response as unknown as Response
}
