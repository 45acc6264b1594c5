import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

import { cookieFrom, makeAuth, refusal, verifiedUser } from './auth-helpers'

const exists = async (table: 'user' | 'organization', id: string) =>
  (await env.DB.prepare(`SELECT 1 AS found FROM "${table}" WHERE id = ?`).bind(id).first()) !== null

const newWorkspace = async (auth: ReturnType<typeof makeAuth>, headers: Headers) => {
  const slug = `acct-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`
  const workspace = await auth.api.createOrganization({ body: { name: 'Mine', slug }, headers })
  if (!workspace) throw new Error('no workspace')
  return workspace.id
}

describe('deleting your own account', () => {
  it('deletes the workspaces where you are the only member, with the account', async () => {
    const auth = makeAuth()
    const user = await verifiedUser(auth, 'solo')
    const workspaceId = await newWorkspace(auth, user.headers)
    await auth.api.deleteUser({ body: { password: user.password }, headers: user.headers })
    expect(await exists('user', user.userId)).toBe(false)
    expect(await exists('organization', workspaceId)).toBe(false)
  })

  it('is refused while you are the only owner of a workspace with other members, and nothing is deleted', async () => {
    const auth = makeAuth()
    const owner = await verifiedUser(auth, 'keeper')
    const other = await verifiedUser(auth, 'colleague')
    const workspaceId = await newWorkspace(auth, owner.headers)
    await auth.api.addMember({ body: { organizationId: workspaceId, userId: other.userId, role: 'member' } })

    const refused = await refusal(auth.api.deleteUser({ body: { password: owner.password }, headers: owner.headers }))
    expect(refused.statusCode).toBe(400)
    expect(refused.message).toMatch(/transfer ownership/i)
    expect(await exists('user', owner.userId)).toBe(true)
    expect(await exists('organization', workspaceId)).toBe(true)

    // After handing ownership over, the account goes and the workspace stays with its new owner.
    const members = await auth.api.listMembers({ query: { organizationId: workspaceId }, headers: owner.headers })
    const colleague = members.members.find((m) => m.userId === other.userId)!
    const me = members.members.find((m) => m.userId === owner.userId)!
    await auth.api.updateMemberRole({
      body: { memberId: colleague.id, role: 'owner', organizationId: workspaceId },
      headers: owner.headers,
    })
    await auth.api.updateMemberRole({
      body: { memberId: me.id, role: 'admin', organizationId: workspaceId },
      headers: owner.headers,
    })
    await auth.api.deleteUser({ body: { password: owner.password }, headers: owner.headers })
    expect(await exists('user', owner.userId)).toBe(false)
    expect(await exists('organization', workspaceId)).toBe(true)
  })

  it('needs the right password', async () => {
    const auth = makeAuth()
    const user = await verifiedUser(auth, 'careful')
    const refused = await refusal(auth.api.deleteUser({ body: { password: 'not my password' }, headers: user.headers }))
    expect(refused.statusCode).toBeGreaterThanOrEqual(400)
    expect(refused.statusCode).toBeLessThan(500)
    expect(await exists('user', user.userId)).toBe(true)
  })
})

describe('sessions', () => {
  it('lists your sessions and revokes one of them', async () => {
    const auth = makeAuth()
    const user = await verifiedUser(auth, 'traveller')
    const before = (await auth.api.listSessions({ headers: user.headers })).length
    const { headers } = await auth.api.signInEmail({
      body: { email: user.email, password: user.password },
      returnHeaders: true,
    })
    const laptop = new Headers({ cookie: cookieFrom(headers) })
    const sessions = await auth.api.listSessions({ headers: user.headers })
    expect(sessions).toHaveLength(before + 1)
    const laptopSession = await auth.api.getSession({ headers: laptop })
    await auth.api.revokeSession({ body: { token: laptopSession!.session.token }, headers: user.headers })
    expect(await auth.api.getSession({ headers: laptop })).toBeNull()
    expect(await auth.api.getSession({ headers: user.headers })).not.toBeNull()
  })

  it('changing the password signs out the other sessions', async () => {
    const auth = makeAuth()
    const user = await verifiedUser(auth, 'rotator')
    const { headers } = await auth.api.signInEmail({
      body: { email: user.email, password: user.password },
      returnHeaders: true,
    })
    const other = new Headers({ cookie: cookieFrom(headers) })
    const { headers: afterChange } = await auth.api.changePassword({
      body: { currentPassword: user.password, newPassword: 'a brand new password', revokeOtherSessions: true },
      headers: user.headers,
      returnHeaders: true,
    })
    expect(await auth.api.getSession({ headers: other })).toBeNull()
    expect(await auth.api.getSession({ headers: new Headers({ cookie: cookieFrom(afterChange) }) })).not.toBeNull()
  })
})
