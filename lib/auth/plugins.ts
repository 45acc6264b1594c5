// The better-auth options that shape the database: plugins and rate-limit storage. The runtime auth
// (lib/auth/auth.ts) and the migration generator (scripts/generate-auth-migration.ts) both build on this,
// so the SQL in migrations/ always matches what better-auth expects.
import type { BetterAuthOptions } from 'better-auth'
import { organization } from 'better-auth/plugins/organization'

import { ac, roles } from './permissions.ts'

export const INVITATION_EXPIRES_IN_SECONDS = 7 * 24 * 60 * 60

type OrganizationOptions = NonNullable<Parameters<typeof organization>[0]>

export const organizationPlugin = (
  options: Pick<OrganizationOptions, 'sendInvitationEmail' | 'organizationHooks'> = {},
) =>
  organization({
    ac,
    roles,
    creatorRole: 'owner',
    invitationExpiresIn: INVITATION_EXPIRES_IN_SECONDS,
    cancelPendingInvitationsOnReInvite: true,
    requireEmailVerificationOnInvitation: true,
    ...options,
  })

export const schemaOptions = {
  // Counted in D1, so every Worker isolate sees the same counters.
  rateLimit: { storage: 'database' },
} satisfies Partial<BetterAuthOptions>
