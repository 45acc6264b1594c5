import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import { product } from '@/lib/product'

import './globals.css'

export const metadata: Metadata = {
  title: { default: product.name, template: `%s · ${product.name}` },
  description: product.description,
  applicationName: product.name,
  // A static asset (public/), not app/icon.svg: Next serves that one through the Worker, revalidated on every
  // page load, so each load ran the Worker once more for an unchanged icon.
  icons: { icon: { url: '/icon.svg', type: 'image/svg+xml' } },
  ...(product.url ? { metadataBase: new URL(product.url) } : {}),
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        {children}
      </body>
    </html>
  )
}
