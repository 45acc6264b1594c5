import { redirect } from 'next/navigation'

import { Card } from '@/components/ui/card'
import { CreateWorkspaceForm } from '@/components/workspaces/create-workspace-form'
import { getSession } from '@/lib/auth/server'

export const metadata = { title: 'Create a workspace' }

export default async function OnboardingPage() {
  const session = await getSession()
  if (!session) redirect('/sign-in?next=/onboarding')
  return (
    <Card title="Create a workspace">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        A workspace holds your team&apos;s data. You can invite people to it and create more later.
      </p>
      <CreateWorkspaceForm />
    </Card>
  )
}
