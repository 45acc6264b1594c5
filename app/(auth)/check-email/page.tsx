import Link from 'next/link'

import { Card } from '@/components/ui/card'
import { getEnv } from '@/lib/auth/server'
import { devMailboxEnabled } from '@/lib/env'

export const metadata = { title: 'Check your email' }

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams
  const mailbox = devMailboxEnabled(await getEnv())
  return (
    <Card title="Check your email">
      <p>
        We sent a verification link to <strong>{email ?? 'your address'}</strong>. Open it to finish signing up.
      </p>
      {mailbox ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Running locally: the email is in the{' '}
          <Link className="underline" href={`/dev/mailbox${email ? `?to=${encodeURIComponent(email)}` : ''}`}>
            dev mailbox
          </Link>
          .
        </p>
      ) : null}
    </Card>
  )
}
