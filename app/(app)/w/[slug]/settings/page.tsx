import { ChangeSlugForm, DeleteWorkspaceForm, RenameWorkspaceForm } from '@/components/workspaces/settings-forms'
import { getEnv } from '@/lib/auth/server'
import { requireWorkspace } from '@/lib/auth/workspace-access'
import { storeActivity } from '@/lib/sync/sync-metadata'
import { storeIdForWorkspace } from '@/lib/sync/token'

export const metadata = { title: 'Workspace settings' }

export default async function WorkspaceSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const { workspace, role } = await requireWorkspace(slug)
  const canManage = role === 'owner' || role === 'admin'
  const sync = await storeActivity((await getEnv()).DB, await storeIdForWorkspace(workspace.id))
  return (
    <main className="mx-auto flex w-full max-w-2xl flex-col gap-8 px-6 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Settings of {workspace.name}</h1>
      <section aria-labelledby="sync-heading" className="flex flex-col gap-2">
        <h2 id="sync-heading" className="text-lg font-medium">
          Sync
        </h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="text-zinc-500">Events stored</dt>
          <dd data-testid="events-stored">{sync.eventCount}</dd>
          <dt className="text-zinc-500">Connected devices</dt>
          <dd data-testid="connected-devices">{sync.connectedDevices}</dd>
          <dt className="text-zinc-500">Last sync</dt>
          <dd>
            {sync.lastSyncAt === null
              ? 'never'
              : `${new Date(sync.lastSyncAt).toISOString().replace('T', ' ').slice(0, 19)} UTC`}
          </dd>
        </dl>
      </section>
      {canManage ? (
        <>
          <RenameWorkspaceForm slug={workspace.slug} name={workspace.name} />
          <ChangeSlugForm slug={workspace.slug} />
        </>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Only admins and owners can change the workspace.</p>
      )}
      {role === 'owner' ? (
        <section className="flex flex-col gap-3 border-t border-zinc-200 pt-6 dark:border-zinc-800">
          <h2 className="text-lg font-medium text-red-700 dark:text-red-400">Delete this workspace</h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Its members lose access and its data is removed.</p>
          <DeleteWorkspaceForm slug={workspace.slug} />
        </section>
      ) : null}
    </main>
  )
}
