import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

import { membershipRole } from '../../lib/auth/membership'
import { issueSyncToken, verifySyncToken } from '../../lib/sync/token'
import { makeAuth, verifiedUser } from './auth-helpers'

describe('sync tokens inside workerd', () => {
  it('are issued for a member’s role and verified with the same secret', async () => {
    const auth = makeAuth()
    const owner = await verifiedUser(auth, 'tokenowner')
    const stranger = await verifiedUser(auth, 'tokenstranger')
    const slug = `tok-${Date.now().toString(36)}`
    const workspace = await auth.api.createOrganization({ body: { name: 'Tokens', slug }, headers: owner.headers })
    const role = await membershipRole(env.DB, workspace!.id, owner.userId)
    expect(role).toBe('owner')
    expect(await membershipRole(env.DB, workspace!.id, stranger.userId)).toBeNull()

    const { token } = await issueSyncToken(env.BETTER_AUTH_SECRET, {
      userId: owner.userId,
      workspaceId: workspace!.id,
      role: role!,
    })
    expect(await verifySyncToken(env.BETTER_AUTH_SECRET, token)).toEqual({
      ok: true,
      claims: { userId: owner.userId, workspaceId: workspace!.id, role: 'owner' },
    })
    expect((await verifySyncToken(`${env.BETTER_AUTH_SECRET}-rotated`, token)).ok).toBe(false)
  })
})
