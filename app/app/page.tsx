import { headers } from 'next/headers'
import { redirect } from 'next/navigation'

import { getAuth, getSession } from '@/lib/auth/server'

// After sign-in: the active workspace, else the first one, else onboarding.
export default async function AppHomePage() {
  const session = await getSession()
  if (!session) redirect('/sign-in')
  const workspaces = await (await getAuth()).api.listOrganizations({ headers: await headers() })
  const active = workspaces.find((w) => w.id === session.session.activeOrganizationId) ?? workspaces[0]
  redirect(active ? `/w/${active.slug}` : '/onboarding')
}
