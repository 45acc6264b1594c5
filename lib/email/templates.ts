// The emails the app sends, each with a text and an HTML body. Values are escaped for HTML.
import { product } from '../product'
import type { EmailMessage } from './email'

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

/** The last line of every email: who sent it, and where to write back if the product says so. */
const signature = `${product.name}${product.supportEmail ? ` · ${product.supportEmail}` : ''}`

const layout = (title: string, paragraphs: string[], action: { label: string; url: string }): string => `<!doctype html>
<html><body style="font-family:system-ui,sans-serif;background:#f4f4f5;padding:24px">
<div style="max-width:480px;margin:auto;background:#fff;border-radius:8px;padding:24px;color:#18181b">
<h1 style="font-size:20px">${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#18181b;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>
<p style="font-size:12px;color:#71717a">Or open this link: ${escapeHtml(action.url)}</p>
<p style="font-size:12px;color:#71717a">${escapeHtml(signature)}</p>
</div></body></html>`

export const verificationEmail = (to: string, name: string, url: string): EmailMessage => ({
  to,
  subject: 'Verify your email address',
  text: `Hi ${name},\n\nConfirm your email address by opening this link:\n${url}\n\nIf you did not sign up, ignore this email.\n\n— ${signature}`,
  html: layout('Verify your email address', [`Hi ${name},`, 'Confirm your email address to finish signing up.'], {
    label: 'Verify email',
    url,
  }),
})

export const resetPasswordEmail = (to: string, name: string, url: string): EmailMessage => ({
  to,
  subject: 'Reset your password',
  text: `Hi ${name},\n\nChoose a new password by opening this link (valid for one hour):\n${url}\n\nIf you did not ask for this, ignore this email.\n\n— ${signature}`,
  html: layout(
    'Reset your password',
    [`Hi ${name},`, 'Choose a new password with the link below. It is valid for one hour.'],
    {
      label: 'Reset password',
      url,
    },
  ),
})

export const invitationEmail = (
  to: string,
  inviter: string,
  workspace: string,
  role: string,
  url: string,
): EmailMessage => ({
  to,
  subject: `${inviter} invited you to ${workspace}`,
  text: `${inviter} invited you to join the workspace "${workspace}" as ${role}.\n\nAccept or decline here:\n${url}\n\n— ${signature}`,
  html: layout(`Join ${workspace}`, [`${inviter} invited you to join the workspace “${workspace}” as ${role}.`], {
    label: 'View invitation',
    url,
  }),
})
