import Link from 'next/link'
import type { ReactNode } from 'react'

import { workspaceApp } from '@/components/workspace-app'
import { AccessBanner } from '@/components/workspace-store/access-banner'
import { SyncStatusIsland } from '@/components/workspace-store/island-loaders'
import { OfflineShell } from '@/components/workspace-store/offline-shell'
import { SignOutButton } from '@/components/workspace-store/sign-out-button'
import { WorkspaceProvider } from '@/components/workspace-store/workspace-context'
import { workspacesOfUser } from '@/lib/auth/membership'
import { getEnv } from '@/lib/auth/server'
import { requireWorkspace } from '@/lib/auth/workspace-access'
import { eventLogHead } from '@/lib/sync/sync-metadata'
import { storeIdForWorkspace } from '@/lib/sync/token'

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode
  params: Promise<{ slug: string }>
}) {
  const { slug } = await params
  const { session, workspace, role } = await requireWorkspace(slug)
  // The store of this workspace; its leader worker fetches sync tokens itself (lib/livestore/sync-tokens.ts).
  const storeId = await storeIdForWorkspace(workspace.id)
  const { DB } = await getEnv()
  const [workspaces, serverHead] = await Promise.all([workspacesOfUser(DB, session.user.id), eventLogHead(DB, storeId)])
  const info = {
    workspaceId: workspace.id,
    name: workspace.name,
    slug: workspace.slug,
    storeId,
    userId: session.user.id,
    role,
    memberNames: Object.fromEntries(workspace.members.map((m) => [m.userId, m.user.name])),
    serverHead,
  }
  const link = 'underline-offset-4 hover:underline'
  // The header's links are not prefetched: every page behind them is dynamic (session, membership), so
  // Next rendered each of them on the server for every workspace page shown, twice, ~10 renders per load
  // competing with the page itself; a click fetches the one page it needs.
  return (
    <WorkspaceProvider value={info}>
      <OfflineShell />
      <div className="flex min-h-dvh flex-col">
        <header className="flex flex-wrap items-center justify-between gap-4 border-b border-zinc-200 px-6 py-3 dark:border-zinc-800">
          <nav aria-label="Workspaces" className="flex flex-wrap items-center gap-2 text-sm">
            {workspaces.map((w) => (
              <Link
                key={w.id}
                prefetch={false}
                href={`/w/${w.slug}`}
                aria-current={w.id === workspace.id ? 'page' : undefined}
                className="rounded-md px-2 py-1 hover:bg-zinc-100 aria-[current=page]:font-semibold aria-[current=page]:bg-zinc-100 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-zinc-800"
              >
                {w.name}
              </Link>
            ))}
            <Link
              prefetch={false}
              href="/onboarding"
              className="rounded-md px-2 py-1 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              + New workspace
            </Link>
          </nav>
          <nav aria-label="Workspace" className="flex items-center gap-3 text-sm">
            <Link prefetch={false} href={`/w/${workspace.slug}`} className={link}>
              {workspaceApp.title}
            </Link>
            <Link prefetch={false} href={`/w/${workspace.slug}/activity`} className={link}>
              Activity
            </Link>
            <Link prefetch={false} href={`/w/${workspace.slug}/members`} className={link}>
              Members
            </Link>
            <Link prefetch={false} href={`/w/${workspace.slug}/settings`} className={link}>
              Settings
            </Link>
          </nav>
          <div className="flex items-center gap-4 text-sm">
            <SyncStatusIsland />
            <Link
              prefetch={false}
              href="/account"
              className="text-zinc-600 underline-offset-4 hover:underline dark:text-zinc-400"
            >
              {session.user.name}
            </Link>
            <SignOutButton />
          </div>
        </header>
        <div className="px-6 pt-4 empty:hidden">
          <AccessBanner />
        </div>
        {children}
      </div>
    </WorkspaceProvider>
  )
}
