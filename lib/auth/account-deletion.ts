// What happens to workspaces when their owner deletes the account:
// - a workspace where the user is the only member is deleted with the account;
// - a workspace where the user is the only owner but others are members blocks the deletion, until
//   ownership is transferred (or the workspace deleted): nobody is left in a workspace without an owner.
import { APIError } from 'better-auth/api'

type Owned = { organizationId: string; name: string; owners: number; members: number }

/** Applies the policy; returns the ids of the workspaces deleted with the account. */
export const releaseWorkspacesOf = async (db: D1Database, userId: string): Promise<string[]> => {
  const { results } = await db
    .prepare(
      `SELECT o.id AS organizationId, o.name AS name,
              (SELECT count(*) FROM member WHERE organizationId = o.id AND role = 'owner') AS owners,
              (SELECT count(*) FROM member WHERE organizationId = o.id) AS members
       FROM member m JOIN organization o ON o.id = m.organizationId
       WHERE m.userId = ? AND m.role = 'owner'`,
    )
    .bind(userId)
    .all<Owned>()
  const blocking = results.filter((w) => w.owners === 1 && w.members > 1)
  if (blocking.length > 0) {
    throw new APIError('BAD_REQUEST', {
      message: `Transfer ownership of ${blocking.map((w) => `“${w.name}”`).join(', ')} before deleting your account`,
    })
  }
  const solo = results.filter((w) => w.members === 1)
  if (solo.length > 0) {
    // Members and invitations go with the organization (foreign keys cascade).
    await db.batch(solo.map((w) => db.prepare('DELETE FROM organization WHERE id = ?').bind(w.organizationId)))
  }
  return solo.map((w) => w.organizationId)
}
