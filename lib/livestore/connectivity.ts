// Signals pages relay to the leader worker (which may live in another tab): not every browser (nor
// Playwright's offline emulation) fires online/offline inside workers, and workers have no visibility.
export const SYNC_CONNECTIVITY_CHANNEL = 'livestore-connectivity'

/** `awake` is raised by the worker itself when its timers show the machine slept. */
export type ConnectivitySignal = 'offline' | 'online' | 'visible' | 'awake'

const SIGNALS = new Set<unknown>(['offline', 'online', 'visible', 'awake'])
export const isConnectivitySignal = (value: unknown): value is ConnectivitySignal => SIGNALS.has(value)

/** In a page: tells the leader worker when the network or the page's visibility changes. Returns a cleanup. */
export const relayConnectivity = (): (() => void) => {
  const channel = new BroadcastChannel(SYNC_CONNECTIVITY_CHANNEL)
  const send = (signal: ConnectivitySignal) => channel.postMessage(signal)
  const offline = () => send('offline')
  const online = () => send('online')
  const visible = () => {
    if (document.visibilityState === 'visible') send('visible')
  }
  window.addEventListener('offline', offline)
  window.addEventListener('online', online)
  document.addEventListener('visibilitychange', visible)
  return () => {
    window.removeEventListener('offline', offline)
    window.removeEventListener('online', online)
    document.removeEventListener('visibilitychange', visible)
    channel.close()
  }
}
