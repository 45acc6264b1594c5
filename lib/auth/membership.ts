// The one query behind "is this user a member of that workspace, and with which role": used where a
// full better-auth call is not needed (issuing sync tokens, and later the sync route's check).
import { WORKSPACE_ROLES, type WorkspaceRole } from './permissions'

export const membershipRole = async (
  db: D1Database,
  workspaceId: string,
  userId: string,
): Promise<WorkspaceRole | null> => {
  const row = await db
    .prepare('SELECT role FROM member WHERE organizationId = ? AND userId = ?')
    .bind(workspaceId, userId)
    .first<{ role: string }>()
  return row && WORKSPACE_ROLES.includes(row.role as WorkspaceRole) ? (row.role as WorkspaceRole) : null
}
