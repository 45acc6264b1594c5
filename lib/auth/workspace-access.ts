// Server-side gate of every page and action under /w/[slug]: a session, and a membership in that
// workspace. A non-member gets the same 404 as for a workspace that does not exist.
import 'server-only'

import { notFound, redirect } from 'next/navigation'
import { cache } from 'react'

import { workspaceBySlug } from './membership'
import type { WorkspaceRole } from './permissions'
import { getEnv, getSession } from './server'

export const requireWorkspace = cache(async (slug: string) => {
  // Both at once: the session with its user is one D1 query (better-auth's joins), the workspace with its
  // members one more. The workspace is only used once the session is known.
  const lookup = getEnv().then((env) => workspaceBySlug(env.DB, slug))
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
