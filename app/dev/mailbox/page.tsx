import { notFound } from 'next/navigation'

import { getEnv } from '@/lib/auth/server'
import { listDevMailbox } from '@/lib/email/dev-mailbox'
import { devMailboxEnabled } from '@/lib/env'

export const metadata = { title: 'Dev mailbox' }
export const dynamic = 'force-dynamic'

const linkify = (text: string) =>
  text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
      <a key={i} href={part} className="break-all underline">
        {part}
      </a>
    ) : (
      part
    ),
  )

export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  const env = await getEnv()
  if (!devMailboxEnabled(env)) notFound()
  const { to } = await searchParams
  const messages = await listDevMailbox(env.DB, to)
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-6 py-12">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Dev mailbox</h1>
        <p className="text-sm text-zinc-500">
          Emails the app sent locally{to ? ` to ${to}` : ''}, newest first. Not available in production.
        </p>
      </header>
      {messages.length === 0 ? <p className="text-sm text-zinc-500">No messages.</p> : null}
      <ul className="flex flex-col gap-4">
        {messages.map((m) => (
          <li key={m.id} className="rounded-md border border-zinc-200 p-4 dark:border-zinc-800" data-testid="mail">
            <p className="text-xs text-zinc-500">
              To <span data-testid="mail-to">{m.to}</span> · {new Date(m.createdAt).toISOString()}
            </p>
            <h2 className="font-medium" data-testid="mail-subject">
              {m.subject}
            </h2>
            <p className="mt-2 whitespace-pre-wrap text-sm">{linkify(m.text)}</p>
          </li>
        ))}
      </ul>
    </main>
  )
}
