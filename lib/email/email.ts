// One way to send email, two providers chosen by env: the dev mailbox (D1, read at /dev/mailbox) for
// local and test runs, Resend's HTTP API in production.
import { type AppEnv, devMailboxEnabled } from '../env'
import { emailFrom } from '../product'
import { storeInDevMailbox } from './dev-mailbox'

export type EmailMessage = { to: string; subject: string; text: string; html: string }
export type SendEmail = (message: EmailMessage) => Promise<void>

const sendWithResend =
  (apiKey: string, from: string): SendEmail =>
  async (message) => {
    const response = await fetch('https://api.resend.com/emails', {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        from,
        to: [message.to],
        subject: message.subject,
        text: message.text,
        html: message.html,
      }),
    })
    if (!response.ok) throw new Error(`Resend refused the email (${response.status}): ${await response.text()}`)
  }

export const emailSender = (env: AppEnv): SendEmail => {
  if (env.RESEND_API_KEY) {
    if (!env.EMAIL_FROM) throw new Error('EMAIL_FROM must be set when RESEND_API_KEY is')
    return sendWithResend(env.RESEND_API_KEY, emailFrom(env.EMAIL_FROM))
  }
  if (devMailboxEnabled(env)) return (message) => storeInDevMailbox(env.DB, message)
  throw new Error('No email provider: set RESEND_API_KEY and EMAIL_FROM (or DEV_MAILBOX=true for a preview)')
}
