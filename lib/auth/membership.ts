// The queries behind "is this user a member of that workspace, and with which role", and the workspace pages'
// gate: used where a full better-auth call is not needed, each one D1 round trip.
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

/** A member of a workspace as the workspace pages show it. */
export type WorkspaceMember = { id: string; userId: string; role: string; user: { name: string; email: string } }

/** A workspace with its members, in the order they joined (better-auth's order). */
export type Workspace = { id: string; name: string; slug: string; members: WorkspaceMember[] }

type WorkspaceRow = {
  id: string
  name: string
  slug: string
  memberId: string
  userId: string
  role: string
  userName: string
  email: string
}

/**
 * The workspace of that slug with its members, or null: one D1 round trip. better-auth's getFullOrganization
 * made six, one after the other (the organization, its invitations and members, their users, the caller's
 * membership), which were most of a workspace page's time at the server. A workspace without members is
 * nobody's, so a join that finds no row means no workspace for anyone.
 */
export const workspaceBySlug = async (db: D1Database, slug: string): Promise<Workspace | null> => {
  const { results } = await db
    .prepare(
      `SELECT o.id, o.name, o.slug, m.id AS memberId, m.userId, m.role, u.name AS userName, u.email
       FROM organization o JOIN member m ON m.organizationId = o.id JOIN "user" u ON u.id = m.userId
       WHERE o.slug = ? ORDER BY m.rowid`,
    )
    .bind(slug)
    .all<WorkspaceRow>()
  const first = results[0]
  if (first === undefined) return null
  return {
    id: first.id,
    name: first.name,
    slug: first.slug,
    members: results.map((row) => ({
      id: row.memberId,
      userId: row.userId,
      role: row.role,
      user: { name: row.userName, email: row.email },
    })),
  }
}

/** The workspaces a user is a member of, in the order they joined them (better-auth's listOrganizations order). */
export const workspacesOfUser = async (
  db: D1Database,
  userId: string,
): Promise<{ id: string; name: string; slug: string }[]> => {
  const { results } = await db
    .prepare(
      `SELECT o.id, o.name, o.slug FROM member m JOIN organization o ON o.id = m.organizationId
       WHERE m.userId = ? ORDER BY m.rowid`,
    )
    .bind(userId)
    .all<{ id: string; name: string; slug: string }>()
  return results
}
