import { headers } from 'next/headers'
import Link from 'next/link'
import type { ReactNode } from 'react'

import { signOut } from '@/app/(auth)/actions'
import { getAuth } from '@/lib/auth/server'
import { requireWorkspace } from '@/lib/auth/workspace-access'

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode
  params: Promise<{ slug: string }>
}) {
  const { slug } = await params
  const { session, workspace } = await requireWorkspace(slug)
  const workspaces = await (await getAuth()).api.listOrganizations({ headers: await headers() })
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex flex-wrap items-center justify-between gap-4 border-b border-zinc-200 px-6 py-3 dark:border-zinc-800">
        <nav aria-label="Workspaces" className="flex flex-wrap items-center gap-2 text-sm">
          {workspaces.map((w) => (
            <Link
              key={w.id}
              href={`/w/${w.slug}`}
              aria-current={w.id === workspace.id ? 'page' : undefined}
              className="rounded-md px-2 py-1 hover:bg-zinc-100 aria-[current=page]:font-semibold aria-[current=page]:bg-zinc-100 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-zinc-800"
            >
              {w.name}
            </Link>
          ))}
          <Link
            href="/onboarding"
            className="rounded-md px-2 py-1 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
          >
            + New workspace
          </Link>
        </nav>
        <nav aria-label="Workspace" className="flex items-center gap-3 text-sm">
          <Link href={`/w/${workspace.slug}`} className="underline-offset-4 hover:underline">
            Overview
          </Link>
          <Link href={`/w/${workspace.slug}/members`} className="underline-offset-4 hover:underline">
            Members
          </Link>
          <Link href={`/w/${workspace.slug}/settings`} className="underline-offset-4 hover:underline">
            Settings
          </Link>
        </nav>
        <form action={signOut} className="flex items-center gap-3 text-sm">
          <Link href="/account" className="text-zinc-600 underline-offset-4 hover:underline dark:text-zinc-400">
            {session.user.name}
          </Link>
          <button type="submit" className="underline">
            Sign out
          </button>
        </form>
      </header>
      {children}
    </div>
  )
}
