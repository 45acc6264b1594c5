import { workspaceApp } from '@/components/workspace-app'
import { WorkspaceAppIsland } from '@/components/workspace-store/island-loaders'
import { getEnv } from '@/lib/auth/server'
import { requireWorkspace } from '@/lib/auth/workspace-access'
import { storeIdForWorkspace } from '@/lib/sync/token'
import type { WorkspaceApp } from '@/lib/workspace-app'
import { previewView } from '@/lib/workspace-preview'

export default async function WorkspacePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const { workspace, role } = await requireWorkspace(slug)
  // The app's first view, folded from the event log here, shows at once while the browser opens the store.
  // Read through the interface: an app without a preview has no such property at all.
  const { preview }: WorkspaceApp = workspaceApp
  const folded =
    preview === undefined
      ? undefined
      : await previewView((await getEnv()).DB, await storeIdForWorkspace(workspace.id), preview)
  return (
    <main className="mx-auto flex w-full max-w-5xl flex-col gap-6 px-6 py-8">
      <header data-workspace-id={workspace.id}>
        <h1 className="text-2xl font-semibold tracking-tight">{workspace.name}</h1>
        <p className="text-sm text-zinc-500">
          /w/{workspace.slug} · you are {role} · {workspace.members.length}{' '}
          {workspace.members.length === 1 ? 'member' : 'members'}
        </p>
      </header>
      <WorkspaceAppIsland
        preview={preview !== undefined && folded !== undefined && <preview.Preview view={folded.view} />}
        previewHead={folded?.head}
      />
    </main>
  )
}
