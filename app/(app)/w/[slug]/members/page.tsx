import { headers } from 'next/headers'

import { ActionButton } from '@/components/workspaces/action-button'
import { InviteForm } from '@/components/workspaces/invite-form'
import { RoleForm } from '@/components/workspaces/role-form'
import { getAuth } from '@/lib/auth/server'
import { requireWorkspace } from '@/lib/auth/workspace-access'

import { leaveWorkspace, removeMember, resendInvitation, revokeInvitation, transferOwnership } from './actions'

export const metadata = { title: 'Members' }

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const { workspace, role, session } = await requireWorkspace(slug)
  const canManage = role === 'owner' || role === 'admin'
  // Only those who manage members see invitations (better-auth refuses the list to others).
  const invitations = canManage
    ? await (await getAuth()).api.listInvitations({ query: { organizationId: workspace.id }, headers: await headers() })
    : []
  const pending = invitations.filter((i) => i.status === 'pending' && new Date(i.expiresAt) > new Date())
  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-8 px-6 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Members of {workspace.name}</h1>

      {canManage ? (
        <section aria-labelledby="invite-heading" className="flex flex-col gap-3">
          <h2 id="invite-heading" className="text-lg font-medium">
            Invite someone
          </h2>
          <InviteForm slug={slug} />
        </section>
      ) : null}

      <section aria-labelledby="members-heading" className="flex flex-col gap-2">
        <h2 id="members-heading" className="text-lg font-medium">
          Members
        </h2>
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {workspace.members.map((m) => {
            const isMe = m.userId === session.user.id
            return (
              <li
                key={m.id}
                className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm"
                data-testid="member"
              >
                <span>
                  <span data-testid="member-name">{m.user.name}</span>{' '}
                  <span className="text-zinc-500">{m.user.email}</span>
                  {isMe ? <span className="text-zinc-500"> (you)</span> : null}
                </span>
                <span className="flex flex-wrap items-center gap-2">
                  <span className="rounded bg-zinc-100 px-2 py-0.5 text-xs dark:bg-zinc-800" data-testid="member-role">
                    {m.role}
                  </span>
                  {canManage && !isMe ? (
                    <RoleForm slug={slug} memberId={m.id} role={m.role} label={m.user.name} />
                  ) : null}
                  {role === 'owner' && !isMe ? (
                    <ActionButton action={transferOwnership} fields={{ slug, memberId: m.id }} label="Make owner" />
                  ) : null}
                  {canManage && !isMe ? (
                    <ActionButton
                      action={removeMember}
                      fields={{ slug, memberId: m.id }}
                      label="Remove"
                      variant="danger"
                    />
                  ) : null}
                  {isMe ? (
                    <ActionButton action={leaveWorkspace} fields={{ slug }} label="Leave" variant="danger" />
                  ) : null}
                </span>
              </li>
            )
          })}
        </ul>
      </section>

      {canManage ? (
        <section aria-labelledby="invitations-heading" className="flex flex-col gap-2">
          <h2 id="invitations-heading" className="text-lg font-medium">
            Pending invitations
          </h2>
          {pending.length === 0 ? <p className="text-sm text-zinc-500">None.</p> : null}
          <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {pending.map((i) => (
              <li
                key={i.id}
                className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm"
                data-testid="invitation"
              >
                <span>
                  {i.email}{' '}
                  <span className="text-zinc-500">
                    as {i.role}, expires {new Date(i.expiresAt).toISOString().slice(0, 10)}
                  </span>
                </span>
                <span className="flex gap-2">
                  <ActionButton action={resendInvitation} fields={{ slug, invitationId: i.id }} label="Resend" />
                  <ActionButton
                    action={revokeInvitation}
                    fields={{ slug, invitationId: i.id }}
                    label="Revoke"
                    variant="danger"
                  />
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  )
}
