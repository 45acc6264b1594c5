import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

import { makeAuth, refusal, type TestAuth, uniqueEmail, verifiedUser } from './auth-helpers'

const workspaceWithOwner = async (auth: TestAuth) => {
  const owner = await verifiedUser(auth, 'owner')
  const slug = `ws-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`
  const workspace = await auth.api.createOrganization({ body: { name: 'Workspace', slug }, headers: owner.headers })
  if (!workspace) throw new Error('no workspace')
  return { owner, organizationId: workspace.id }
}

const invite = async (
  auth: TestAuth,
  headers: Headers,
  organizationId: string,
  email: string,
  role: 'member' | 'admin' = 'member',
) => {
  const invitation = await auth.api.createInvitation({ body: { organizationId, email, role }, headers })
  return invitation.id
}

const memberCount = async (organizationId: string) =>
  (
    await env.DB.prepare('SELECT count(*) AS n FROM member WHERE organizationId = ?')
      .bind(organizationId)
      .first<{ n: number }>()
  )?.n

describe('invitations', () => {
  it('are accepted by the invited address once; a replay is refused', async () => {
    const auth = makeAuth()
    const { owner, organizationId } = await workspaceWithOwner(auth)
    const invitee = await verifiedUser(auth, 'invitee')
    const id = await invite(auth, owner.headers, organizationId, invitee.email, 'admin')

    const accepted = await auth.api.acceptInvitation({ body: { invitationId: id }, headers: invitee.headers })
    expect(accepted?.member.role).toBe('admin')
    expect(await memberCount(organizationId)).toBe(2)

    const replay = await refusal(auth.api.acceptInvitation({ body: { invitationId: id }, headers: invitee.headers }))
    expect(replay.statusCode).toBeGreaterThanOrEqual(400)
    expect(replay.statusCode).toBeLessThan(500)
    expect(await memberCount(organizationId)).toBe(2)
  })

  it('can be declined by the invitee, and is then closed', async () => {
    const auth = makeAuth()
    const { owner, organizationId } = await workspaceWithOwner(auth)
    const invitee = await verifiedUser(auth, 'decliner')
    const id = await invite(auth, owner.headers, organizationId, invitee.email)
    await auth.api.rejectInvitation({ body: { invitationId: id }, headers: invitee.headers })
    const row = await env.DB.prepare('SELECT status FROM invitation WHERE id = ?').bind(id).first<{ status: string }>()
    expect(row?.status).toBe('rejected')
    const late = await refusal(auth.api.acceptInvitation({ body: { invitationId: id }, headers: invitee.headers }))
    expect(late.statusCode).toBeGreaterThanOrEqual(400)
    expect(await memberCount(organizationId)).toBe(1)
  })

  it('cannot be accepted by someone signed in with another email', async () => {
    const auth = makeAuth()
    const { owner, organizationId } = await workspaceWithOwner(auth)
    const id = await invite(auth, owner.headers, organizationId, uniqueEmail('intended'))
    const other = await verifiedUser(auth, 'other')
    const refused = await refusal(auth.api.acceptInvitation({ body: { invitationId: id }, headers: other.headers }))
    expect(refused.statusCode).toBe(403)
    expect(await memberCount(organizationId)).toBe(1)
  })

  it('cannot be accepted once expired', async () => {
    const auth = makeAuth()
    const { owner, organizationId } = await workspaceWithOwner(auth)
    const invitee = await verifiedUser(auth, 'late')
    const id = await invite(auth, owner.headers, organizationId, invitee.email)
    await env.DB.prepare('UPDATE invitation SET expiresAt = ? WHERE id = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), id)
      .run()
    const refused = await refusal(auth.api.acceptInvitation({ body: { invitationId: id }, headers: invitee.headers }))
    expect(refused.statusCode).toBeGreaterThanOrEqual(400)
    expect(refused.statusCode).toBeLessThan(500)
    expect(await memberCount(organizationId)).toBe(1)
  })

  it('cannot be accepted once revoked, and only managers may revoke', async () => {
    const auth = makeAuth()
    const { owner, organizationId } = await workspaceWithOwner(auth)
    const invitee = await verifiedUser(auth, 'revoked')
    const id = await invite(auth, owner.headers, organizationId, invitee.email)
    const byInvitee = await refusal(auth.api.cancelInvitation({ body: { invitationId: id }, headers: invitee.headers }))
    expect([400, 403]).toContain(byInvitee.statusCode)
    await auth.api.cancelInvitation({ body: { invitationId: id }, headers: owner.headers })
    const refused = await refusal(auth.api.acceptInvitation({ body: { invitationId: id }, headers: invitee.headers }))
    expect(refused.statusCode).toBeGreaterThanOrEqual(400)
    expect(refused.statusCode).toBeLessThan(500)
    expect(await memberCount(organizationId)).toBe(1)
  })

  it('a member cannot invite; an admin can', async () => {
    const auth = makeAuth()
    const { organizationId } = await workspaceWithOwner(auth)
    const member = await verifiedUser(auth, 'plain')
    const admin = await verifiedUser(auth, 'admin')
    await auth.api.addMember({ body: { organizationId, userId: member.userId, role: 'member' } })
    await auth.api.addMember({ body: { organizationId, userId: admin.userId, role: 'admin' } })
    expect((await refusal(invite(auth, member.headers, organizationId, uniqueEmail('x')))).statusCode).toBe(403)
    expect(await invite(auth, admin.headers, organizationId, uniqueEmail('y'))).toBeTruthy()
  })
})

describe('managing members', () => {
  it('resending keeps one pending invitation and sends the email again', async () => {
    const auth = makeAuth()
    const { owner, organizationId } = await workspaceWithOwner(auth)
    const email = uniqueEmail('twice')
    await auth.api.createInvitation({ body: { organizationId, email, role: 'member' }, headers: owner.headers })
    await auth.api.createInvitation({
      body: { organizationId, email, role: 'member', resend: true },
      headers: owner.headers,
    })
    const pending = await env.DB.prepare("SELECT count(*) AS n FROM invitation WHERE email = ? AND status = 'pending'")
      .bind(email)
      .first<{ n: number }>()
    expect(pending?.n).toBe(1)
    const mails = await env.DB.prepare('SELECT count(*) AS n FROM dev_mailbox WHERE to_address = ?')
      .bind(email)
      .first<{ n: number }>()
    expect(mails?.n).toBe(2)
  })

  it('an admin changes a member’s role and removes them; a member can do neither', async () => {
    const auth = makeAuth()
    const { organizationId } = await workspaceWithOwner(auth)
    const admin = await verifiedUser(auth, 'manager')
    const member = await verifiedUser(auth, 'managed')
    await auth.api.addMember({ body: { organizationId, userId: admin.userId, role: 'admin' } })
    const added = await auth.api.addMember({ body: { organizationId, userId: member.userId, role: 'member' } })
    const memberId = added!.id

    const selfPromotion = await refusal(
      auth.api.updateMemberRole({ body: { memberId, role: 'admin', organizationId }, headers: member.headers }),
    )
    expect(selfPromotion.statusCode).toBe(403)
    await auth.api.updateMemberRole({ body: { memberId, role: 'admin', organizationId }, headers: admin.headers })
    const role = await env.DB.prepare('SELECT role FROM member WHERE id = ?').bind(memberId).first<{ role: string }>()
    expect(role?.role).toBe('admin')

    await auth.api.removeMember({ body: { memberIdOrEmail: memberId, organizationId }, headers: admin.headers })
    expect(await memberCount(organizationId)).toBe(2)
  })
})

describe('the last owner', () => {
  it('cannot leave, nor be removed, nor be demoted while the only owner', async () => {
    const auth = makeAuth()
    const { owner, organizationId } = await workspaceWithOwner(auth)
    const admin = await verifiedUser(auth, 'second')
    await auth.api.addMember({ body: { organizationId, userId: admin.userId, role: 'admin' } })

    const leave = await refusal(auth.api.leaveOrganization({ body: { organizationId }, headers: owner.headers }))
    expect(leave.statusCode).toBe(400)
    const removed = await refusal(
      auth.api.removeMember({ body: { memberIdOrEmail: owner.email, organizationId }, headers: admin.headers }),
    )
    expect(removed.statusCode).toBeGreaterThanOrEqual(400)
    const owners = await env.DB.prepare("SELECT count(*) AS n FROM member WHERE organizationId = ? AND role = 'owner'")
      .bind(organizationId)
      .first<{ n: number }>()
    expect(owners?.n).toBe(1)
  })
})
