import { requireWorkspace } from '@/lib/auth/workspace-access'

export default async function WorkspacePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const { workspace, role } = await requireWorkspace(slug)
  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-6 py-10">
      <header data-workspace-id={workspace.id}>
        <h1 className="text-2xl font-semibold tracking-tight">{workspace.name}</h1>
        <p className="text-sm text-zinc-500">
          /w/{workspace.slug} · you are {role}
        </p>
      </header>
      <section aria-labelledby="members-heading" className="flex flex-col gap-2">
        <h2 id="members-heading" className="text-lg font-medium">
          Members
        </h2>
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {workspace.members.map((m) => (
            <li key={m.id} className="flex items-center justify-between px-3 py-2 text-sm" data-testid="member">
              <span>
                {m.user.name} <span className="text-zinc-500">{m.user.email}</span>
              </span>
              <span className="rounded bg-zinc-100 px-2 py-0.5 text-xs dark:bg-zinc-800" data-testid="member-role">
                {m.role}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </main>
  )
}
