// Follows a store's session until it has caught up with an event the page already showed (the server's
// preview), for the app island: it calls `onProgress` with each new head, and `onDone` once caught up or
// once the head has not moved for `noProgressMs` (server unreachable: local data stays usable).

export type CatchUpSource = {
  /** The newest event the session has now. */
  head: () => number
  /** Calls back on every sync status change; returns the unsubscribe. */
  subscribe: (changed: () => void) => () => void
}

export const followCatchUp = (
  source: CatchUpSource,
  target: number,
  {
    noProgressMs,
    onProgress,
    onDone,
  }: { noProgressMs: number; onProgress: (head: number) => void; onDone: (head: number) => void },
): (() => void) => {
  let last = source.head()
  let finished = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let unsubscribe = () => {}
  const stop = () => {
    finished = true
    clearTimeout(timer)
    unsubscribe()
  }
  const finish = () => {
    if (finished) return
    stop()
    onDone(last)
  }
  // The session may have caught up between the render that read its head and this call: no change will
  // come after that, so waiting for one held the app back until the no-progress timeout (5 s) while the
  // header already said Synced.
  if (last >= target) {
    finish()
    return stop
  }
  timer = setTimeout(finish, noProgressMs)
  const off = source.subscribe(() => {
    const current = source.head()
    if (finished || current === last) return
    last = current
    if (current >= target) return finish()
    clearTimeout(timer)
    timer = setTimeout(finish, noProgressMs)
    onProgress(current)
  })
  // A source that calls back while subscribing may have finished already.
  if (finished) off()
  else unsubscribe = off
  return stop
}
