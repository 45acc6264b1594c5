// Server-side gate of every page and action under /w/[slug]: a session, and a membership in that
// workspace. A non-member gets the same 404 as for a workspace that does not exist.
import 'server-only'

import { headers } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import { cache } from 'react'

import { isRefusal } from '../refusal'

import type { WorkspaceRole } from './permissions'
import { getAuth, getSession } from './server'

export const requireWorkspace = cache(async (slug: string) => {
  const auth = await getAuth()
  // Both at once (each is a D1 round trip or more): the workspace is only used once the session is known.
  const lookup = auth.api
    .getFullOrganization({ query: { organizationSlug: slug }, headers: await headers() })
    .catch((error: unknown) => {
      // better-auth refuses non-members (and requests without a session); anything else (D1 down) must
      // surface as an error, not a 404.
      if (isRefusal(error)) return null
      throw error
    })
  const session = await getSession()
  if (!session) {
    lookup.catch(() => undefined)
    redirect(`/sign-in?next=${encodeURIComponent(`/w/${slug}`)}`)
  }
  const workspace = await lookup
  const membership = workspace?.members.find((m) => m.userId === session.user.id)
  if (!workspace || !membership) notFound()
  return { session, workspace, role: membership.role as WorkspaceRole }
})
