// Membership changes made through better-auth reach open sync sockets (its organization hooks call
// the Durable Object through the binding): within a second, not at the next token expiry.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

import { issueSyncToken, storeIdForWorkspace } from '../../lib/sync/token'
import { makeAuth, type TestAuth, verifiedUser } from './auth-helpers'
import { itemEvents, SyncClient, storedEvents } from './sync-client'

const REVOCATION_DEADLINE_MS = 1000

const team = async (auth: TestAuth, memberRole: 'member' | 'admin' = 'member') => {
  const owner = await verifiedUser(auth, 'owner')
  const member = await verifiedUser(auth, 'member')
  const slug = `sync-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`
  const workspace = await auth.api.createOrganization({ body: { name: 'Team', slug }, headers: owner.headers })
  if (!workspace) throw new Error('no workspace')
  const invitation = await auth.api.createInvitation({
    body: { organizationId: workspace.id, email: member.email, role: memberRole },
    headers: owner.headers,
  })
  const accepted = await auth.api.acceptInvitation({ body: { invitationId: invitation.id }, headers: member.headers })
  const storeId = await storeIdForWorkspace(workspace.id)
  const connect = async (userId: string, role: 'owner' | 'admin' | 'member') =>
    SyncClient.connect(
      storeId,
      workspace.id,
      (await issueSyncToken(env.BETTER_AUTH_SECRET, { userId, workspaceId: workspace.id, role })).token,
    )
  return { owner, member, workspaceId: workspace.id, memberId: accepted!.member.id, storeId, connect }
}

describe('better-auth membership changes close open sync sockets', () => {
  it('removing a member', async () => {
    const auth = makeAuth()
    const t = await team(auth)
    const ownerSocket = await t.connect(t.owner.userId, 'owner')
    const memberSocket = await t.connect(t.member.userId, 'member')

    await auth.api.removeMember({
      body: { memberIdOrEmail: t.memberId, organizationId: t.workspaceId },
      headers: t.owner.headers,
    })
    expect(await memberSocket.waitForClose(REVOCATION_DEADLINE_MS)).toEqual({ code: 4403, reason: 'access revoked' })
    expect(ownerSocket.closed).toBeUndefined()
    ownerSocket.close()
  })

  it('lowering a role', async () => {
    const auth = makeAuth()
    const t = await team(auth, 'admin')
    const adminSocket = await t.connect(t.member.userId, 'admin')
    await auth.api.updateMemberRole({
      body: { memberId: t.memberId, role: 'member', organizationId: t.workspaceId },
      headers: t.owner.headers,
    })
    expect((await adminSocket.waitForClose(REVOCATION_DEADLINE_MS)).code).toBe(4409)
  })

  it('deleting the workspace', async () => {
    const auth = makeAuth()
    const t = await team(auth)
    const ownerSocket = await t.connect(t.owner.userId, 'owner')
    const memberSocket = await t.connect(t.member.userId, 'member')
    expect((await ownerSocket.push(itemEvents(t.owner.userId, ['soon gone'])))?._tag).toBe('Success')

    await auth.api.deleteOrganization({ body: { organizationId: t.workspaceId }, headers: t.owner.headers })
    expect((await ownerSocket.waitForClose(REVOCATION_DEADLINE_MS)).reason).toBe('workspace deleted')
    expect((await memberSocket.waitForClose(REVOCATION_DEADLINE_MS)).code).toBe(4403)
    expect(await storedEvents(t.storeId)).toEqual([])
  })

  it('a member leaving', async () => {
    const auth = makeAuth()
    const t = await team(auth)
    const memberSocket = await t.connect(t.member.userId, 'member')
    await auth.api.leaveOrganization({ body: { organizationId: t.workspaceId }, headers: t.member.headers })
    expect((await memberSocket.waitForClose(REVOCATION_DEADLINE_MS)).code).toBe(4403)
  })

  it('a member deleting their account', async () => {
    const auth = makeAuth()
    const t = await team(auth)
    const memberSocket = await t.connect(t.member.userId, 'member')
    await auth.api.deleteUser({ body: { password: t.member.password }, headers: t.member.headers })
    expect((await memberSocket.waitForClose(REVOCATION_DEADLINE_MS)).code).toBe(4403)
  })
})
