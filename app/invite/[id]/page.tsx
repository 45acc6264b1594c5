import Link from 'next/link'

import { Card } from '@/components/ui/card'
import { FormMessage } from '@/components/ui/form-message'
import { SignOutButton } from '@/components/workspace-store/sign-out-button'
import { ActionButton } from '@/components/workspaces/action-button'
import { findInvitation } from '@/lib/auth/invitations'
import { getEnv, getSession } from '@/lib/auth/server'

import { acceptInvitation, declineInvitation } from './actions'

export const metadata = { title: 'Invitation' }

const ENDED: Record<string, string> = {
  accepted: 'This invitation has already been accepted.',
  rejected: 'This invitation was declined.',
  canceled: 'This invitation was revoked.',
  expired: 'This invitation has expired. Ask for a new one.',
}

export default async function InvitationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const [invitation, session] = await Promise.all([findInvitation((await getEnv()).DB, id), getSession()])
  if (!invitation)
    return (
      <Card title="Invitation not found">
        <FormMessage error="This invitation link is not valid." />
      </Card>
    )

  const title = `Join ${invitation.workspaceName}`
  const intro = (
    <p>
      {invitation.inviterName} invited <strong>{invitation.email}</strong> to the workspace “{invitation.workspaceName}”
      as {invitation.role}.
    </p>
  )
  if (invitation.status !== 'pending')
    return (
      <Card title={title}>
        {intro}
        <FormMessage error={ENDED[invitation.status]} />
      </Card>
    )

  const next = `/invite/${invitation.id}`
  if (!session)
    return (
      <Card title={title}>
        {intro}
        <div className="flex gap-3">
          <Link
            className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900"
            href={`/sign-up?next=${encodeURIComponent(next)}&email=${encodeURIComponent(invitation.email)}`}
          >
            Create an account
          </Link>
          <Link
            className="rounded-md border border-zinc-300 px-4 py-2 text-sm dark:border-zinc-700"
            href={`/sign-in?next=${encodeURIComponent(next)}`}
          >
            Sign in
          </Link>
        </div>
      </Card>
    )

  if (session.user.email.toLowerCase() !== invitation.email.toLowerCase())
    return (
      <Card title={title}>
        {intro}
        <FormMessage
          error={`You are signed in as ${session.user.email}, but this invitation is for ${invitation.email}. Sign out and sign in with that address.`}
        />
        <SignOutButton
          then={`/sign-in?next=${encodeURIComponent(`/invite/${id}`)}`}
          className="self-start rounded-md border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800"
        />
      </Card>
    )

  return (
    <Card title={title}>
      {intro}
      <div className="flex gap-3">
        <ActionButton
          action={acceptInvitation}
          fields={{ invitationId: invitation.id }}
          label="Accept invitation"
          variant="primary"
        />
        <ActionButton action={declineInvitation} fields={{ invitationId: invitation.id }} label="Decline" />
      </div>
    </Card>
  )
}
