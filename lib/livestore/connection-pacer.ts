// When the leader worker may try to open a sync connection. A short backoff while attempts fail (a
// restarting server is back within seconds, and pending events should follow within seconds), none
// at all while the browser says it is offline (an attempt now and then all the same, in case nobody
// tells us it is back), and an attempt at once when woken: network back, page visible, machine awake,
// token renewed.
const FIRST_RETRY_MS = 250
const MAX_RETRY_MS = 2_000
const OFFLINE_RETRY_MS = 5_000

export type ConnectionPacer = ReturnType<typeof makeConnectionPacer>

export const makeConnectionPacer = ({ online = true, random = Math.random } = {}) => {
  let isOnline = online
  let failures = 0
  let lastFailureAt = 0
  let retryDelay = 0
  const waiters = new Set<() => void>()

  /** When the next attempt is due. */
  const dueAt = () => lastFailureAt + (isOnline ? retryDelay : OFFLINE_RETRY_MS)

  return {
    get online() {
      return isOnline
    },
    setOnline(value: boolean) {
      isOnline = value
    },
    failed() {
      failures++
      lastFailureAt = Date.now()
      // 250 ms, 500 ms, 1 s, 2 s, 2 s … with ±20 % jitter, so clients cut off together do not return together.
      retryDelay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (failures - 1)) * (0.8 + random() * 0.4)
    },
    succeeded() {
      failures = 0
      retryDelay = 0
      isOnline = true
    },
    /** Something suggests the server is reachable now: the next attempt need not wait. */
    wake() {
      failures = 0
      retryDelay = 0
      lastFailureAt = 0
      for (const waiter of [...waiters]) waiter()
    },
    /** Resolves true when an attempt may start, false if `deadline` passes first (or while `blocked`). */
    async turn(deadline: number, blocked: () => boolean = () => false): Promise<boolean> {
      for (;;) {
        const now = Date.now()
        if (now >= deadline) return false
        if (!blocked() && now >= dueAt()) return true
        const wait = blocked() ? deadline - now : Math.min(deadline, dueAt()) - now
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer)
            waiters.delete(done)
            resolve()
          }
          const timer = setTimeout(done, wait)
          waiters.add(done)
        })
      }
    },
  }
}
