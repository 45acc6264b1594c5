// The workspace pages' gate reads the workspace, its members and the caller's workspaces with one query each
// (lib/auth/membership.ts) instead of better-auth's chains of round trips: they must answer what better-auth
// answers, on the same D1.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

import { createAuth } from '../../lib/auth/auth'
import { workspaceBySlug, workspacesOfUser } from '../../lib/auth/membership'
import { makeAuth, ORIGIN, verifiedUser } from './auth-helpers'

const unique = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`

describe('the workspace gate’s queries', () => {
  it('find a workspace’s members as better-auth lists them, and the workspaces of a user in its order', async () => {
    const auth = makeAuth()
    const owner = await verifiedUser(auth, 'gateowner')
    const admin = await verifiedUser(auth, 'gateadmin')
    const member = await verifiedUser(auth, 'gatemember')
    const first = await auth.api.createOrganization({
      body: { name: 'Gate one', slug: `gate-one-${unique()}` },
      headers: owner.headers,
    })
    const second = await auth.api.createOrganization({
      body: { name: 'Gate two', slug: `gate-two-${unique()}` },
      headers: member.headers,
    })
    await auth.api.addMember({ body: { organizationId: first!.id, userId: admin.userId, role: 'admin' } })
    await auth.api.addMember({ body: { organizationId: first!.id, userId: member.userId, role: 'member' } })

    const full = await auth.api.getFullOrganization({
      query: { organizationSlug: first!.slug },
      headers: owner.headers,
    })
    const workspace = await workspaceBySlug(env.DB, first!.slug)
    expect(workspace).toEqual({
      id: full!.id,
      name: 'Gate one',
      slug: first!.slug,
      members: full!.members.map((m) => ({
        id: m.id,
        userId: m.userId,
        role: m.role,
        user: { name: m.user.name, email: m.user.email },
      })),
    })
    expect(workspace!.members.map((m) => [m.user.name, m.role])).toEqual([
      ['gateowner', 'owner'],
      ['gateadmin', 'admin'],
      ['gatemember', 'member'],
    ])

    // The member joined the first workspace after creating the second: better-auth lists by membership.
    const listed = await auth.api.listOrganizations({ headers: member.headers })
    const ours = await workspacesOfUser(env.DB, member.userId)
    expect(ours).toEqual(listed.map(({ id, name, slug }) => ({ id, name, slug })))
    expect(ours.map((w) => w.id)).toEqual([second!.id, first!.id])
    expect(await workspacesOfUser(env.DB, owner.userId)).toEqual([
      { id: first!.id, name: 'Gate one', slug: first!.slug },
    ])
  })

  it('follow removals, slug changes and deletions, and find nothing for an unknown slug', async () => {
    const auth = makeAuth()
    const owner = await verifiedUser(auth, 'gateowner2')
    const member = await verifiedUser(auth, 'gatemember2')
    const slug = `gate-three-${unique()}`
    const workspace = await auth.api.createOrganization({ body: { name: 'Gate three', slug }, headers: owner.headers })
    const added = await auth.api.addMember({
      body: { organizationId: workspace!.id, userId: member.userId, role: 'member' },
    })

    await auth.api.removeMember({
      body: { memberIdOrEmail: added!.id, organizationId: workspace!.id },
      headers: owner.headers,
    })
    expect((await workspaceBySlug(env.DB, slug))!.members.map((m) => m.userId)).toEqual([owner.userId])
    expect(await workspacesOfUser(env.DB, member.userId)).toEqual([])

    const renamed = `${slug}-renamed`
    await auth.api.updateOrganization({
      body: { organizationId: workspace!.id, data: { slug: renamed } },
      headers: owner.headers,
    })
    expect(await workspaceBySlug(env.DB, slug)).toBeNull()
    expect((await workspaceBySlug(env.DB, renamed))!.id).toBe(workspace!.id)

    await auth.api.deleteOrganization({ body: { organizationId: workspace!.id }, headers: owner.headers })
    expect(await workspaceBySlug(env.DB, renamed)).toBeNull()
    expect(await workspacesOfUser(env.DB, owner.userId)).toEqual([])
    expect(await workspaceBySlug(env.DB, `no-such-${unique()}`)).toBeNull()
  })

  it('reads a signed-in session with its user in one D1 query (better-auth’s joins)', async () => {
    const user = await verifiedUser(makeAuth(), 'gatesession')
    const statements: string[] = []
    const DB = new Proxy(env.DB, {
      get(target, prop) {
        if (prop === 'prepare')
          return (query: string) => {
            statements.push(query)
            return target.prepare(query)
          }
        const value = Reflect.get(target, prop, target)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    const session = await createAuth({ ...env, DB }, ORIGIN).api.getSession({ headers: user.headers })
    expect(session?.user.id).toBe(user.userId)
    expect(statements).toHaveLength(1)
  })
})
