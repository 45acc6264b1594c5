import Link from 'next/link'

import { product } from '@/lib/product'

export default function HomePage() {
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-6 px-6 py-16">
      <h1 className="text-3xl font-semibold tracking-tight">{product.name}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        Next.js on Cloudflare Workers. Data lives in the browser (LiveStore over OPFS SQLite) and syncs in real time
        through one Durable Object per workspace to D1.
      </p>
      <p className="flex flex-wrap gap-3">
        <Link
          href="/sign-up"
          className="inline-block rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-900 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
        >
          Create an account
        </Link>
        <Link
          href="/sign-in"
          className="inline-block rounded-md border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Sign in
        </Link>
      </p>
    </main>
  )
}
