import { headers } from 'next/headers'
import Link from 'next/link'
import { redirect } from 'next/navigation'

import { ChangeNameForm, ChangePasswordForm, DeleteAccountForm } from '@/components/account/account-forms'
import { ActionButton } from '@/components/workspaces/action-button'
import { getAuth, getSession } from '@/lib/auth/server'

import { revokeSession } from './actions'

export const metadata = { title: 'Your account' }

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <section className="flex flex-col gap-3 border-t border-zinc-200 pt-6 dark:border-zinc-800">
    <h2 className="text-lg font-medium">{title}</h2>
    {children}
  </section>
)

export default async function AccountPage() {
  const session = await getSession()
  if (!session) redirect('/sign-in?next=/account')
  const sessions = await (await getAuth()).api.listSessions({ headers: await headers() })
  return (
    <main className="mx-auto flex w-full max-w-2xl flex-col gap-6 px-6 py-10">
      <header className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
        <Link href="/app" className="text-sm underline">
          Back to your workspace
        </Link>
      </header>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Signed in as {session.user.email}</p>
      <Section title="Profile">
        <ChangeNameForm name={session.user.name} />
      </Section>
      <Section title="Password">
        <ChangePasswordForm />
      </Section>
      <Section title="Sessions">
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {sessions.map((s) => (
            <li
              key={s.id}
              className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm"
              data-testid="session"
            >
              <span>
                {s.userAgent ?? 'Unknown device'}
                <span className="block text-xs text-zinc-500">
                  since {new Date(s.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC
                  {s.ipAddress ? ` · ${s.ipAddress}` : ''}
                </span>
              </span>
              {s.token === session.session.token ? (
                <span className="text-xs text-zinc-500">this device</span>
              ) : (
                <ActionButton action={revokeSession} fields={{ token: s.token }} label="Sign out" />
              )}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Delete account">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Workspaces where you are the only member are deleted with your account. If you are the only owner of a
          workspace with other members, transfer ownership first.
        </p>
        <DeleteAccountForm />
      </Section>
    </main>
  )
}
