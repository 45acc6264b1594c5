// Accounts made through better-auth's real API on the test's D1, as a browser would make them.
import { env } from 'cloudflare:workers'

import { createAuth } from '../../lib/auth/auth'
import { listDevMailbox } from '../../lib/email/dev-mailbox'

export const ORIGIN = 'http://app.test'
export const makeAuth = () => createAuth(env, ORIGIN)
export type TestAuth = ReturnType<typeof makeAuth>

let counter = 0
export const uniqueEmail = (name: string) => `${name}-${Date.now().toString(36)}-${counter++}@example.test`

/** A request as the browser sends it to /api/auth/*, from one client IP. */
export const authRequest = (
  path: string,
  init: { method?: string; body?: unknown; ip?: string; cookie?: string } = {},
) =>
  new Request(`${ORIGIN}/api/auth${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      origin: ORIGIN,
      'content-type': 'application/json',
      'cf-connecting-ip': init.ip ?? '203.0.113.1',
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  })

/** The cookie header a browser would send back after this response. */
export const cookieFrom = (headers: Headers): string =>
  headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')

export const latestMailLink = async (to: string, subject: RegExp): Promise<string> => {
  const mail = (await listDevMailbox(env.DB, to)).find((m) => subject.test(m.subject))
  const link = mail?.text.match(/https?:\/\/\S+/)?.[0]
  if (!link) throw new Error(`no "${subject}" email with a link for ${to}`)
  return link
}

/** Signs up, follows the verification link, signs in; returns the session cookie. */
export const verifiedUser = async (auth: TestAuth, name: string, password = 'a long password 1') => {
  const email = uniqueEmail(name)
  await auth.api.signUpEmail({ body: { name, email, password } })
  const verify = await auth.handler(new Request(await latestMailLink(email, /verify/i)))
  if (verify.status >= 400) throw new Error(`verification failed: ${verify.status}`)
  const { headers } = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true })
  const cookie = cookieFrom(headers)
  const session = await auth.api.getSession({ headers: new Headers({ cookie }) })
  if (!session) throw new Error('no session after sign-in')
  return { email, password, cookie, headers: new Headers({ cookie }), userId: session.user.id }
}

/** Awaits a call expected to be refused; returns the plain status and message (small enough to diff). */
export const refusal = async (call: Promise<unknown>): Promise<{ statusCode: number; message: string }> => {
  try {
    await call
  } catch (error) {
    const { statusCode, message } = error as { statusCode?: number; message?: string }
    return { statusCode: statusCode ?? 500, message: message ?? String(error) }
  }
  throw new Error('expected the call to be refused, but it succeeded')
}
