'use client'

// What a part of the page that reads the store shows when the store cannot open (its local files are
// unusable, the browser refused storage, a LiveStore failure). Without it the failure escaped React and
// took the whole page down to a blank screen.
import { Component, type ReactNode, useEffect, useState } from 'react'

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

/**
 * Rejections of the store's load, told apart from a component's own render error: both reach the same
 * boundary, but only the first means the data could not be opened.
 */
const storeOpenFailures = new WeakSet<object>()
const watchedLoads = new WeakSet<Promise<unknown>>()
const markStoreOpenFailure = (error: unknown) => {
  if (typeof error === 'object' && error !== null) storeOpenFailures.add(error)
}

/**
 * Runs the store's lookup, marking what it throws (LiveStore's registry rethrows a failed load synchronously on
 * later lookups) or its load rejects with (marked before React rethrows it: a handler added first runs first).
 */
export const lookUpStore = <T,>(lookup: () => T): T => {
  try {
    const found = lookup()
    if (found instanceof Promise && !watchedLoads.has(found)) {
      watchedLoads.add(found)
      found.catch(markStoreOpenFailure)
    }
    return found
  } catch (error) {
    markStoreOpenFailure(error)
    throw error
  }
}

const isStoreOpenFailure = (error: unknown) =>
  typeof error === 'object' && error !== null && storeOpenFailures.has(error)

/** A failure in place of the part that failed: what happened, the innermost reason, and a reload (most are transient). */
function FailureNotice({ title, error, testId }: { title: string; error: unknown; testId: string }) {
  return (
    <div
      role="alert"
      data-testid={testId}
      className="flex flex-col items-start gap-2 rounded-md bg-red-50 px-4 py-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
    >
      <p className="font-medium">{title}</p>
      <p className="text-xs">{reasonOf(error)}</p>
      <Button type="button" variant="secondary" onClick={() => window.location.reload()}>
        Reload
      </Button>
    </div>
  )
}

/** The default for a store that cannot open. */
export function StoreFailedNotice({ error }: { error: unknown }) {
  return (
    <FailureNotice
      title="This workspace’s data could not be opened in this browser."
      error={error}
      testId="store-failed"
    />
  )
}

/** A part of the page that threw while rendering (a bug in it, not the data): said as such. */
export function PartFailedNotice({ error }: { error: unknown }) {
  return <FailureNotice title="This part of the page stopped working." error={error} testId="part-failed" />
}

/** A store opens in ~1-3 s, a large one on a slow device in a few more; catching up with the server comes after. */
const SLOW_OPEN_MS = 15_000

/**
 * Shown beside the placeholder when the store has not opened after SLOW_OPEN_MS. A leader worker that
 * fails to start (its OPFS folder unusable, storage full) never answers the tab, and LiveStore leaves the
 * tab waiting without an error: the page said "Opening…" forever. Gone as soon as the store opens.
 */
export function SlowOpenNotice() {
  const [slow, setSlow] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), SLOW_OPEN_MS)
    return () => clearTimeout(timer)
  }, [])
  if (!slow) return null
  return (
    <div
      role="alert"
      data-testid="store-slow"
      className="fixed bottom-4 left-4 flex items-center gap-3 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900 shadow dark:bg-amber-950 dark:text-amber-100"
    >
      <span>This workspace’s data is taking unusually long to open in this browser.</span>
      <button type="button" className="underline" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  )
}

type Props = { children: ReactNode; failed: (error: unknown) => ReactNode }

/**
 * Catches a store that failed to open (React's use() rethrows the load's rejection) for the part it wraps,
 * shown as `failed`; any other error thrown while rendering the part is shown as that part having failed.
 */
export class StoreFailureBoundary extends Component<Props, { error: unknown; hasError: boolean }> {
  state = { error: undefined as unknown, hasError: false }

  static getDerivedStateFromError(error: unknown) {
    return { error, hasError: true }
  }

  componentDidCatch(error: unknown) {
    console.error(isStoreOpenFailure(error) ? 'the workspace store could not open' : 'a part of the page failed', error)
  }

  render() {
    if (!this.state.hasError) return this.props.children
    const { error } = this.state
    return isStoreOpenFailure(error) ? this.props.failed(error) : <PartFailedNotice error={error} />
  }
}
