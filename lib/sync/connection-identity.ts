// Who a sync connection belongs to. The /sync route sets these headers on the request it forwards
// (after verifying the token and the membership), replacing anything a client sent under the same
// names; the Durable Object keeps them with the socket and judges every push by them.
import type { WorkspaceRole } from '../auth/permissions'
import { WORKSPACE_ROLES } from '../auth/permissions'

export type ConnectionIdentity = { userId: string; role: WorkspaceRole; workspaceId: string; sessionId: string }

const HEADERS = {
  userId: 'x-sync-user-id',
  role: 'x-sync-role',
  workspaceId: 'x-sync-workspace-id',
  sessionId: 'x-sync-session-id',
} as const satisfies Record<keyof ConnectionIdentity, string>

export const withIdentity = (request: Request, identity: ConnectionIdentity): Request => {
  const headers = new Headers(request.headers)
  for (const name of Object.values(HEADERS)) headers.delete(name)
  for (const [key, name] of Object.entries(HEADERS)) headers.set(name, identity[key as keyof ConnectionIdentity])
  return new Request(request, { headers })
}

/** For sync-cf's `forwardHeaders`: the identity headers only, stored with the socket. */
export const identityHeaders = (request: { headers: { get(name: string): string | null } }): Record<string, string> =>
  Object.fromEntries(
    Object.values(HEADERS).flatMap((name) => {
      const value = request.headers.get(name)
      return value === null ? [] : [[name, value]]
    }),
  )

/** Reads the identity back from headers (a request's, or those stored with a socket); undefined when incomplete. */
export const identityFrom = (
  headers: { get(name: string): string | null | undefined } | undefined,
): ConnectionIdentity | undefined => {
  if (headers === undefined) return undefined
  const userId = headers.get(HEADERS.userId)
  const role = headers.get(HEADERS.role)
  const workspaceId = headers.get(HEADERS.workspaceId)
  const sessionId = headers.get(HEADERS.sessionId)
  if (!userId || !workspaceId || !sessionId || !WORKSPACE_ROLES.includes(role as WorkspaceRole)) return undefined
  return { userId, role: role as WorkspaceRole, workspaceId, sessionId }
}
