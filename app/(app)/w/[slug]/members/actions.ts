'use server'

import { revalidatePath } from 'next/cache'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'

import { changeRoleForm, invitationForm, inviteForm, memberForm, workspaceForm } from '@/lib/auth/member-forms'
import { getAuth } from '@/lib/auth/server'
import { requireWorkspace } from '@/lib/auth/workspace-access'
import { validatedAction } from '@/lib/validated-action'

// Each action first checks the membership (404 for others); better-auth then checks the role's rights.
const context = async (slug: string) => {
  const { workspace, session } = await requireWorkspace(slug)
  return { auth: await getAuth(), h: await headers(), organizationId: workspace.id, workspace, session }
}

const done = (slug: string, success: string) => {
  revalidatePath(`/w/${slug}/members`)
  return { success }
}

export const invite = validatedAction(inviteForm, async ({ slug, email, role }) => {
  const { auth, h, organizationId } = await context(slug)
  await auth.api.createInvitation({ body: { email, role, organizationId, resend: true }, headers: h })
  return done(slug, `Invitation sent to ${email}.`)
})

export const resendInvitation = validatedAction(invitationForm, async ({ slug, invitationId }) => {
  const { auth, h, organizationId } = await context(slug)
  const invitations = await auth.api.listInvitations({ query: { organizationId }, headers: h })
  const invitation = invitations.find((i) => i.id === invitationId)
  if (!invitation) return { error: 'This invitation no longer exists' }
  const role = invitation.role === 'admin' ? 'admin' : 'member'
  await auth.api.createInvitation({ body: { email: invitation.email, role, organizationId, resend: true }, headers: h })
  return done(slug, `Invitation sent again to ${invitation.email}.`)
})

export const revokeInvitation = validatedAction(invitationForm, async ({ slug, invitationId }) => {
  const { auth, h } = await context(slug)
  await auth.api.cancelInvitation({ body: { invitationId }, headers: h })
  return done(slug, 'Invitation revoked.')
})

export const removeMember = validatedAction(memberForm, async ({ slug, memberId }) => {
  const { auth, h, organizationId } = await context(slug)
  await auth.api.removeMember({ body: { memberIdOrEmail: memberId, organizationId }, headers: h })
  return done(slug, 'Member removed.')
})

export const changeRole = validatedAction(changeRoleForm, async ({ slug, memberId, role }) => {
  const { auth, h, organizationId } = await context(slug)
  await auth.api.updateMemberRole({ body: { memberId, role, organizationId }, headers: h })
  return done(slug, 'Role changed.')
})

/** Makes another member the owner and the current owner an admin. */
export const transferOwnership = validatedAction(memberForm, async ({ slug, memberId }) => {
  const { auth, h, organizationId, workspace, session } = await context(slug)
  const me = workspace.members.find((m) => m.userId === session.user.id)
  if (me?.role !== 'owner') return { error: 'Only an owner can transfer ownership' }
  if (!workspace.members.some((m) => m.id === memberId && m.id !== me.id)) return { error: 'Choose another member' }
  await auth.api.updateMemberRole({ body: { memberId, role: 'owner', organizationId }, headers: h })
  await auth.api.updateMemberRole({ body: { memberId: me.id, role: 'admin', organizationId }, headers: h })
  return done(slug, 'Ownership transferred.')
})

export const leaveWorkspace = validatedAction(workspaceForm, async ({ slug }) => {
  const { auth, h, organizationId } = await context(slug)
  await auth.api.leaveOrganization({ body: { organizationId }, headers: h })
  redirect('/app')
})
