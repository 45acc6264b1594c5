import { ActivityLoader, ExportButtonLoader } from '@/components/workspace-data/loaders'
import { requireWorkspace } from '@/lib/auth/workspace-access'

export const metadata = { title: 'Activity' }

export default async function ActivityPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const { workspace } = await requireWorkspace(slug)
  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-6 py-8">
      <header className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Activity in {workspace.name}</h1>
          <p className="text-sm text-zinc-500">Recent events from this browser’s copy of the workspace.</p>
        </div>
        <ExportButtonLoader />
      </header>
      <ActivityLoader />
    </main>
  )
}
