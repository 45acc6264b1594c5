'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'

import { getAuth } from '@/lib/auth/server'
import { requireWorkspace } from '@/lib/auth/workspace-access'
import { isRefusal } from '@/lib/refusal'
import { validatedAction } from '@/lib/validated-action'
import { changeSlugForm, deleteWorkspaceForm, renameWorkspaceForm } from '@/lib/workspaces'

// Membership is checked here (404 for others); better-auth checks the role (rename: admin, delete: owner).
export const renameWorkspace = validatedAction(renameWorkspaceForm, async ({ slug, name }) => {
  const { workspace } = await requireWorkspace(slug)
  await (await getAuth()).api.updateOrganization({
    body: { organizationId: workspace.id, data: { name } },
    headers: await headers(),
  })
  return { success: 'Workspace renamed.' }
})

export const changeSlug = validatedAction(changeSlugForm, async ({ slug, newSlug }) => {
  const { workspace } = await requireWorkspace(slug)
  const auth = await getAuth()
  const h = await headers()
  if (newSlug !== slug) {
    const { status } = await auth.api
      .checkOrganizationSlug({ body: { slug: newSlug }, headers: h })
      .catch((error: unknown) => {
        if (isRefusal(error)) return { status: false }
        throw error
      })
    if (!status) return { fieldErrors: { newSlug: ['This address is taken'] } }
  }
  await auth.api.updateOrganization({ body: { organizationId: workspace.id, data: { slug: newSlug } }, headers: h })
  redirect(`/w/${newSlug}/settings`)
})

export const deleteWorkspace = validatedAction(deleteWorkspaceForm, async ({ slug }) => {
  const { workspace } = await requireWorkspace(slug)
  await (await getAuth()).api.deleteOrganization({ body: { organizationId: workspace.id }, headers: await headers() })
  redirect('/app')
})
