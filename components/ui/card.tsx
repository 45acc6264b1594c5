import type { ReactNode } from 'react'

export function Card({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-6 px-6 py-12">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      {children}
      {footer ? <div className="text-sm text-zinc-600 dark:text-zinc-400">{footer}</div> : null}
    </main>
  )
}
