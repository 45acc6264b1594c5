// The dev mailbox: outgoing email stored in D1 instead of sent (migrations/0003_dev_mailbox.sql).
import type { EmailMessage } from './email'

export type MailboxMessage = EmailMessage & { id: string; createdAt: number }

type Row = { id: string; to_address: string; subject: string; text_body: string; html_body: string; created_at: number }

export const storeInDevMailbox = async (db: D1Database, message: EmailMessage): Promise<void> => {
  await db
    .prepare(
      'INSERT INTO dev_mailbox (id, to_address, subject, text_body, html_body, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .bind(crypto.randomUUID(), message.to.toLowerCase(), message.subject, message.text, message.html, Date.now())
    .run()
}

/** Newest first; only one recipient's messages when `to` is given. */
export const listDevMailbox = async (db: D1Database, to?: string, limit = 50): Promise<MailboxMessage[]> => {
  const query = to
    ? db
        .prepare('SELECT * FROM dev_mailbox WHERE to_address = ? ORDER BY created_at DESC LIMIT ?')
        .bind(to.toLowerCase(), limit)
    : db.prepare('SELECT * FROM dev_mailbox ORDER BY created_at DESC LIMIT ?').bind(limit)
  const { results } = await query.all<Row>()
  return results.map((row) => ({
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    createdAt: row.created_at,
  }))
}
