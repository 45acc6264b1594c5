'use client'

// What a part of the page that reads the store shows when the store cannot open (its local files are
// unusable, the browser refused storage, a LiveStore failure). Without it the failure escaped React and
// took the whole page down to a blank screen.
import { Component, type ReactNode } from 'react'

import { Button } from '@/components/ui/button'

/** The innermost message of an error and its causes (LiveStore wraps the one that says what happened). */
export const reasonOf = (error: unknown): string => {
  let reason = error instanceof Error || typeof error === 'string' ? String(error) : 'unknown error'
  let current: unknown = error
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const { message } = current as { message?: unknown }
    if (typeof message === 'string' && message !== '' && !message.startsWith('{')) reason = message
    current = (current as { cause?: unknown }).cause
  }
  return reason.slice(0, 300)
}

/** The default: a notice in place of the part, with the reason and a reload (most failures are transient). */
export function StoreFailedNotice({ error }: { error: unknown }) {
  return (
    <div
      role="alert"
      data-testid="store-failed"
      className="flex flex-col items-start gap-2 rounded-md bg-red-50 px-4 py-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
    >
      <p className="font-medium">This workspace’s data could not be opened in this browser.</p>
      <p className="text-xs">{reasonOf(error)}</p>
      <Button type="button" variant="secondary" onClick={() => window.location.reload()}>
        Reload
      </Button>
    </div>
  )
}

type Props = { children: ReactNode; failed: (error: unknown) => ReactNode }

/** Catches a store that failed to open (React's use() rethrows the load's rejection) for the part it wraps. */
export class StoreFailureBoundary extends Component<Props, { error: unknown; hasError: boolean }> {
  state = { error: undefined as unknown, hasError: false }

  static getDerivedStateFromError(error: unknown) {
    return { error, hasError: true }
  }

  componentDidCatch(error: unknown) {
    console.error('the workspace store could not open', error)
  }

  render() {
    return this.state.hasError ? this.props.failed(this.state.error) : this.props.children
  }
}
