// POST /api/workspaces/:id/sync-token → { token, expiresAt, storeId } for a signed-in member.
// 401 without a session; 404 for a workspace the user is not a member of (no hint that it exists).
import { createAuth } from '@/lib/auth/auth'
import { membershipRole } from '@/lib/auth/membership'
import { getEnv, originFromHeaders } from '@/lib/auth/server'
import { errorResponse } from '@/lib/http-error'
import { issueSyncToken, storeIdForWorkspace, syncTokenTtlSeconds } from '@/lib/sync/token'

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const env = await getEnv()
  const session = await createAuth(env, originFromHeaders(request.headers)).api.getSession({ headers: request.headers })
  if (!session) return errorResponse(401, 'unauthenticated', 'sign in to sync this workspace')
  const role = await membershipRole(env.DB, id, session.user.id)
  if (!role) return errorResponse(404, 'not_found', 'no such workspace')
  const { token, expiresAt } = await issueSyncToken(
    env.BETTER_AUTH_SECRET,
    {
      userId: session.user.id,
      workspaceId: id,
      role,
    },
    { ttlSeconds: syncTokenTtlSeconds(env) },
  )
  return Response.json(
    { token, expiresAt, storeId: await storeIdForWorkspace(id) },
    { headers: { 'cache-control': 'no-store' } },
  )
}
