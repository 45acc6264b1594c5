import { env } from 'cloudflare:workers'
import { schemaCheckFor } from '@better-auth/core/db/internal'
import { describe, expect, it } from 'vitest'

import { listDevMailbox } from '../../lib/email/dev-mailbox'
import { authRequest, cookieFrom, latestMailLink, makeAuth, refusal, uniqueEmail, verifiedUser } from './auth-helpers'

describe('accounts on D1', () => {
  it('signs up with a PBKDF2 hash, sends a verification email with text and HTML, and refuses sign-in until verified', async () => {
    const auth = makeAuth()
    const email = uniqueEmail('grace')
    await auth.api.signUpEmail({ body: { name: 'Grace', email, password: 'a long password 1' } })

    const account = await env.DB.prepare(
      'SELECT a.password FROM account a JOIN user u ON u.id = a.userId WHERE u.email = ?',
    )
      .bind(email)
      .first<{ password: string }>()
    expect(account?.password).toMatch(/^pbkdf2-sha256\$100000\$[\w-]+\$[\w-]+$/)

    const [mail] = await listDevMailbox(env.DB, email)
    expect(mail?.subject).toMatch(/verify/i)
    expect(mail?.text).toContain(`${'http://app.test'}/api/auth/verify-email?token=`)
    expect(mail?.html).toContain('<a href="http://app.test/api/auth/verify-email?token=')

    expect((await refusal(auth.api.signInEmail({ body: { email, password: 'a long password 1' } }))).statusCode).toBe(
      403,
    )

    const verified = await auth.handler(new Request(await latestMailLink(email, /verify/i)))
    expect(verified.status).toBe(302)
    const user = await env.DB.prepare('SELECT emailVerified FROM user WHERE email = ?')
      .bind(email)
      .first<{ emailVerified: number }>()
    expect(user?.emailVerified).toBe(1)
  })

  it('refuses a wrong password and a too-short one with 4xx, never 500', async () => {
    const auth = makeAuth()
    const user = await verifiedUser(auth, 'linus')
    const wrong = await auth.handler(
      authRequest('/sign-in/email', { body: { email: user.email, password: 'not the password' }, ip: '198.51.100.7' }),
    )
    expect(wrong.status).toBe(401)
    const short = await auth.handler(
      authRequest('/sign-up/email', {
        body: { name: 'x', email: uniqueEmail('short'), password: 'short' },
        ip: '198.51.100.8',
      }),
    )
    expect(short.status).toBe(400)
    const malformed = await auth.handler(authRequest('/sign-up/email', { body: { email: 42 }, ip: '198.51.100.9' }))
    expect(malformed.status).toBe(400)
  })
})

describe('workspaces: membership and roles are checked on the server', () => {
  it('lets the owner in, keeps a non-member out, and gives a member no admin rights', async () => {
    const auth = makeAuth()
    const owner = await verifiedUser(auth, 'owner')
    const stranger = await verifiedUser(auth, 'stranger')
    const slug = `acme-${Date.now().toString(36)}`
    const workspace = await auth.api.createOrganization({ body: { name: 'Acme', slug }, headers: owner.headers })
    expect(workspace?.slug).toBe(slug)

    const full = await auth.api.getFullOrganization({ query: { organizationSlug: slug }, headers: owner.headers })
    expect(full?.members.map((m) => m.role)).toEqual(['owner'])

    // A non-member is refused reading and writing (better-auth answers 400 "not a member" and 403).
    const outsider = {
      read: await refusal(
        auth.api.getFullOrganization({ query: { organizationSlug: slug }, headers: stranger.headers }),
      ),
      rename: await refusal(
        auth.api.updateOrganization({
          body: { organizationId: workspace!.id, data: { name: 'Mine now' } },
          headers: stranger.headers,
        }),
      ),
    }
    expect(outsider.read.message).toMatch(/not a member/i)
    expect([outsider.read.statusCode, outsider.rename.statusCode].every((code) => code >= 400 && code < 500)).toBe(true)

    // Added as a plain member: can read, cannot rename, delete or invite.
    const member = await verifiedUser(auth, 'member')
    await auth.api.addMember({ body: { organizationId: workspace!.id, userId: member.userId, role: 'member' } })
    const asMember = await auth.api.getFullOrganization({ query: { organizationSlug: slug }, headers: member.headers })
    expect(asMember?.members).toHaveLength(2)
    expect(
      (
        await refusal(
          auth.api.updateOrganization({
            body: { organizationId: workspace!.id, data: { name: 'Renamed' } },
            headers: member.headers,
          }),
        )
      ).statusCode,
    ).toBe(403)
    expect(
      (
        await refusal(
          auth.api.createInvitation({
            body: { organizationId: workspace!.id, email: uniqueEmail('guest'), role: 'member' },
            headers: member.headers,
          }),
        )
      ).statusCode,
    ).toBe(403)
    const name = await env.DB.prepare('SELECT name FROM organization WHERE id = ?')
      .bind(workspace!.id)
      .first<{ name: string }>()
    expect(name?.name).toBe('Acme')
  })

  it('refuses a slug that is taken', async () => {
    const auth = makeAuth()
    const a = await verifiedUser(auth, 'first')
    const b = await verifiedUser(auth, 'second')
    const slug = `taken-${Date.now().toString(36)}`
    await auth.api.createOrganization({ body: { name: 'First', slug }, headers: a.headers })
    expect(
      (await refusal(auth.api.createOrganization({ body: { name: 'Second', slug }, headers: b.headers }))).statusCode,
    ).toBe(400)
  })
})

describe('rate limits are counted in D1', () => {
  it('answers 429 after 5 sign-in attempts a minute from one IP, while another IP still gets through', async () => {
    const auth = makeAuth()
    const attempt = (ip: string) =>
      auth.handler(
        authRequest('/sign-in/email', { body: { email: 'nobody@example.test', password: 'wrong password' }, ip }),
      )
    const statuses = []
    for (let i = 0; i < 6; i++) statuses.push((await attempt('192.0.2.50')).status)
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true)
    expect(statuses[5]).toBe(429)
    expect((await attempt('192.0.2.51')).status).toBe(401)
    // A fresh auth instance (another isolate) sees the same counters.
    expect(
      (
        await makeAuth().handler(
          authRequest('/sign-in/email', { body: { email: 'x@example.test', password: 'y' }, ip: '192.0.2.50' }),
        )
      ).status,
    ).toBe(429)
    const rows = await env.DB.prepare('SELECT count(*) AS n FROM rateLimit').first<{ n: number }>()
    expect(rows?.n).toBeGreaterThan(0)
  })

  it('lets requests through again once the window has passed', async () => {
    const auth = makeAuth()
    const ip = '192.0.2.60'
    const attempt = () =>
      auth.handler(
        authRequest('/sign-in/email', { body: { email: 'nobody@example.test', password: 'wrong password' }, ip }),
      )
    for (let i = 0; i < 5; i++) await attempt()
    expect((await attempt()).status).toBe(429)
    // Age the counter past the 60 s window, as time would.
    await env.DB.prepare('UPDATE rateLimit SET lastRequest = lastRequest - 61000 WHERE key LIKE ?').bind(`${ip}%`).run()
    expect((await attempt()).status).toBe(401)
  })
})

describe('cookies', () => {
  it('issues an HttpOnly session cookie that signs the user in', async () => {
    const auth = makeAuth()
    const user = await verifiedUser(auth, 'cookie')
    const { headers } = await auth.api.signInEmail({
      body: { email: user.email, password: user.password },
      returnHeaders: true,
    })
    expect(headers.getSetCookie().some((c) => /session_token=.*HttpOnly/i.test(c))).toBe(true)
    const session = await auth.api.getSession({ headers: new Headers({ cookie: cookieFrom(headers) }) })
    expect(session?.user.email).toBe(user.email)
  })
})

describe('the schema better-auth writes', () => {
  it('is what the migrations create (checked here, not on every request)', async () => {
    const context = await makeAuth().$context
    // Requests do not run it: it reads every table in D1, one more per workspace's event log.
    expect(context.checkSchema).toBeUndefined()
    const check = schemaCheckFor(context.adapter)
    // Registered whether or not requests run it: a mismatch throws better-auth's SchemaMismatchError.
    expect(check).toBeDefined()
    await check?.()
  })
})
