// better-auth, composed from plugins in one place. Built per request: on Workers the D1 binding and the
// secrets exist only inside a request.

import type { BetterAuthPlugin } from 'better-auth'
import { betterAuth } from 'better-auth'
import { createAuthMiddleware, isAPIError } from 'better-auth/api'

import { emailSender } from '../email/email'
import { invitationEmail, resetPasswordEmail, verificationEmail } from '../email/templates'
import type { AppEnv } from '../env'
import { product } from '../product'
import { deleteWorkspaceStore, refreshSyncRole, revokeSyncAccess, workspaceIdsOf } from '../sync/revocation'
import { releaseWorkspacesOf } from './account-deletion'
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from './password'
import { organizationPlugin, schemaOptions } from './plugins'

const socialProviders = (env: AppEnv) => ({
  ...(env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET
    ? { github: { clientId: env.GITHUB_CLIENT_ID, clientSecret: env.GITHUB_CLIENT_SECRET } }
    : {}),
  ...(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET
    ? { google: { clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET } }
    : {}),
})

/** Which social sign-in buttons to show: only providers whose credentials are configured. */
export const enabledSocialProviders = (env: AppEnv) => Object.keys(socialProviders(env)) as Array<'github' | 'google'>

/** `extraPlugins` go last: the Next.js server passes better-auth's nextCookies() there. */
export const createAuth = (env: AppEnv, requestOrigin: string, extraPlugins: BetterAuthPlugin[] = []) => {
  const baseURL = env.BETTER_AUTH_URL ?? requestOrigin
  const send = emailSender(env)
  const workspacesOfDeletedUsers = new Map<string, { deleted: string[]; left: string[] }>()
  return betterAuth({
    appName: product.name,
    baseURL,
    secret: env.BETTER_AUTH_SECRET,
    trustedOrigins: [baseURL],
    database: env.DB,
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      password: { hash: hashPassword, verify: verifyPassword },
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: ({ user, url }) => send(resetPasswordEmail(user.email, user.name, url)),
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      sendVerificationEmail: ({ user, url }) => send(verificationEmail(user.email, user.name, url)),
    },
    socialProviders: socialProviders(env),
    user: {
      deleteUser: {
        enabled: true,
        beforeDelete: async (user) => {
          const deleted = await releaseWorkspacesOf(env.DB, user.id)
          // Remembered for afterDelete, when the memberships are gone.
          workspacesOfDeletedUsers.set(user.id, { deleted, left: await workspaceIdsOf(env.DB, user.id) })
        },
        afterDelete: async (user) => {
          const { deleted = [], left = [] } = workspacesOfDeletedUsers.get(user.id) ?? {}
          workspacesOfDeletedUsers.delete(user.id)
          await Promise.all([
            ...deleted.map((id) => deleteWorkspaceStore(env, id)),
            ...left.map((id) => revokeSyncAccess(env, id, user.id)),
          ])
        },
      },
    },
    rateLimit: {
      ...schemaOptions.rateLimit,
      enabled: true,
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: 60, max: 5 },
        '/sign-up/email': { window: 60, max: 5 },
        '/request-password-reset': { window: 60, max: 3 },
        '/send-verification-email': { window: 60, max: 3 },
        '/organization/invite-member': { window: 60, max: 10 },
      },
    },
    advanced: {
      // Cloudflare sets this header itself; a client cannot forge it past the edge.
      ipAddress: { ipAddressHeaders: ['cf-connecting-ip'] },
      useSecureCookies: baseURL.startsWith('https://'),
      // better-auth would compare every D1 table with its schema on each auth instance's first call, and this
      // app makes an instance per request: every workspace's event log added a table to read on every page
      // (300 workspaces took a page from ~65 to ~145 ms). wrangler's migrations own the schema;
      // tests/worker/auth.test.ts runs better-auth's own check against them instead.
      // joins: a related row comes in the same query (the session with its user: every signed-in page's first
      // D1 round trip instead of two), instead of one query after the other.
      database: { validateSchema: false, joins: true },
    },
    hooks: {
      // The organization plugin has no hook for leaving: close the leaver's connections here, whether
      // they left through the app's page or better-auth's HTTP endpoint.
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/organization/leave' || isAPIError(ctx.context.returned)) return
        // The endpoint answers with the membership it deleted.
        const left = ctx.context.returned as { userId?: unknown; organizationId?: unknown } | undefined
        if (typeof left?.userId === 'string' && typeof left.organizationId === 'string') {
          await revokeSyncAccess(env, left.organizationId, left.userId)
        }
      }),
    },
    plugins: [
      organizationPlugin({
        sendInvitationEmail: async ({ id, email, role, organization, inviter }) => {
          await send(invitationEmail(email, inviter.user.name, organization.name, role, `${baseURL}/invite/${id}`))
        },
        // Open sync connections follow membership changes at once (lib/sync/revocation.ts).
        organizationHooks: {
          afterRemoveMember: ({ member, organization }) => revokeSyncAccess(env, organization.id, member.userId),
          afterUpdateMemberRole: ({ member, organization }) => refreshSyncRole(env, organization.id, member.userId),
          afterDeleteOrganization: ({ organization }) => deleteWorkspaceStore(env, organization.id),
        },
      }),
      ...extraPlugins,
    ],
  })
}

export type Auth = ReturnType<typeof createAuth>
