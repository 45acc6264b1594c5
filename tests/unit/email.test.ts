import { afterEach, describe, expect, it, vi } from 'vitest'

import { emailSender } from '@/lib/email/email'
import { invitationEmail, verificationEmail } from '@/lib/email/templates'
import type { AppEnv } from '@/lib/env'

const envWith = (extra: Partial<AppEnv>) => extra as AppEnv

afterEach(() => vi.unstubAllGlobals())

describe('email', () => {
  it('sends through Resend’s HTTP API when RESEND_API_KEY is set', async () => {
    const calls: Array<{ url: string; init: RequestInit }> = []
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, init })
      return new Response('{"id":"1"}', { status: 200 })
    })
    const send = emailSender(envWith({ RESEND_API_KEY: 're_test', EMAIL_FROM: 'App <noreply@example.test>' }))
    await send(verificationEmail('ada@example.test', 'Ada', 'https://app.example.test/verify?token=t'))
    expect(calls).toHaveLength(1)
    expect(calls[0]?.url).toBe('https://api.resend.com/emails')
    expect(new Headers(calls[0]?.init.headers).get('authorization')).toBe('Bearer re_test')
    const body = JSON.parse(String(calls[0]?.init.body))
    expect(body).toMatchObject({
      from: 'App <noreply@example.test>',
      to: ['ada@example.test'],
      subject: 'Verify your email address',
    })
    expect(body.text).toContain('https://app.example.test/verify?token=t')
    expect(body.html).toContain('href="https://app.example.test/verify?token=t"')
  })

  it('reports a refusal from Resend instead of dropping the email silently', async () => {
    vi.stubGlobal('fetch', async () => new Response('invalid from', { status: 422 }))
    const send = emailSender(envWith({ RESEND_API_KEY: 're_test', EMAIL_FROM: 'x@example.test' }))
    await expect(send(verificationEmail('a@example.test', 'A', 'https://x.test'))).rejects.toThrow(/422/)
  })

  it('needs EMAIL_FROM with Resend', () => {
    expect(() => emailSender(envWith({ RESEND_API_KEY: 're_test' }))).toThrow(/EMAIL_FROM/)
  })

  it('escapes names in the HTML body', () => {
    const mail = invitationEmail(
      'b@example.test',
      '<script>x</script>',
      'Acme & Co',
      'member',
      'https://x.test/invite/1',
    )
    expect(mail.html).not.toContain('<script>')
    expect(mail.html).toContain('&lt;script&gt;')
    expect(mail.html).toContain('Acme &amp; Co')
    expect(mail.text).toContain('https://x.test/invite/1')
  })
})
