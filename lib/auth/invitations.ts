// Reading an invitation for its landing page, which also serves people who are not signed in yet
// (better-auth's own getInvitation needs the invitee's session).
import 'server-only'

export type InvitationView = {
  id: string
  email: string
  role: string
  status: 'pending' | 'accepted' | 'rejected' | 'canceled' | 'expired'
  workspaceName: string
  workspaceSlug: string
  inviterName: string
}

type Row = {
  id: string
  email: string
  role: string | null
  status: string
  expiresAt: string | number
  workspaceName: string
  workspaceSlug: string
  inviterName: string
}

export const findInvitation = async (db: D1Database, id: string): Promise<InvitationView | null> => {
  const row = await db
    .prepare(
      `SELECT i.id, i.email, i.role, i.status, i.expiresAt, o.name AS workspaceName, o.slug AS workspaceSlug, u.name AS inviterName
       FROM invitation i JOIN organization o ON o.id = i.organizationId JOIN user u ON u.id = i.inviterId
       WHERE i.id = ?`,
    )
    .bind(id)
    .first<Row>()
  if (!row) return null
  const expired = row.status === 'pending' && new Date(row.expiresAt).getTime() < Date.now()
  return {
    id: row.id,
    email: row.email,
    role: row.role ?? 'member',
    status: expired ? 'expired' : (row.status as InvitationView['status']),
    workspaceName: row.workspaceName,
    workspaceSlug: row.workspaceSlug,
    inviterName: row.inviterName,
  }
}
