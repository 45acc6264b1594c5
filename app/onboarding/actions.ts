'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'

import { getAuth } from '@/lib/auth/server'
import { isRefusal } from '@/lib/refusal'
import { validatedAction } from '@/lib/validated-action'
import { createWorkspaceForm } from '@/lib/workspaces'

export const createWorkspace = validatedAction(createWorkspaceForm, async ({ name, slug }) => {
  const auth = await getAuth()
  const h = await headers()
  const { status } = await auth.api.checkOrganizationSlug({ body: { slug }, headers: h }).catch((error: unknown) => {
    if (isRefusal(error)) return { status: false }
    throw error
  })
  if (!status) return { fieldErrors: { slug: ['This address is taken'] } }
  await auth.api.createOrganization({ body: { name, slug }, headers: h })
  redirect(`/w/${slug}`)
})
