'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { findInvitation } from '@/lib/auth/invitations'
import { getAuth, getEnv } from '@/lib/auth/server'
import { validatedAction } from '@/lib/validated-action'
import { z } from '@/lib/zod'

const invitationForm = z.object({ invitationId: z.string().min(1) })

export const acceptInvitation = validatedAction(invitationForm, async ({ invitationId }) => {
  const auth = await getAuth()
  await auth.api.acceptInvitation({ body: { invitationId }, headers: await headers() })
  const invitation = await findInvitation((await getEnv()).DB, invitationId)
  redirect(invitation ? `/w/${invitation.workspaceSlug}` : '/app')
})

export const declineInvitation = validatedAction(invitationForm, async ({ invitationId }) => {
  const auth = await getAuth()
  await auth.api.rejectInvitation({ body: { invitationId }, headers: await headers() })
  redirect('/app')
})
