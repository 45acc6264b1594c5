// The sync connection as LiveStore sees it, in the leader worker. sync-cf opens every (re)connection
// with `new WebSocket(url)`; installSyncSocket() puts a stand-in there for sync URLs that:
//   - adds a fresh sync token to each connection URL (the payload stays the same in every tab, as a
//     leader hand-over requires), renews it before it expires and reports when access is gone;
//   - paces connection attempts itself (a short backoff, no attempt while the browser is offline) and
//     tries at once when the network comes back, a page becomes visible, the machine wakes from sleep
//     or a token fetch succeeds: LiveStore's own backoff (up to 30 s, never reset) is patched away;
//   - notices a dead connection within seconds (no answer to a request or a probe, the browser going
//     offline) and reports it to LiveStore as a failed connection at once, so the requests in flight
//     fail and are retried on the next connection instead of waiting on a socket that is gone.
// It also reports why the server ended a connection for good (revoked, refused push, role change).
import { SYNC_CLOSE } from '../sync/close-codes'
import { isWorkspaceSyncPayload, SYNC_TOKEN_PARAM } from '../sync/sync-params'
import { makeConnectionPacer } from './connection-pacer'
import { type ConnectivitySignal, isConnectivitySignal, SYNC_CONNECTIVITY_CHANNEL } from './connectivity'
import { makePullOrder } from './pull-order'
import { SYNC_ACCESS_CHANNEL, type SyncAccessMessage } from './sync-access'
import { makeSyncTokens } from './sync-tokens'

/** A connection attempt reports failure to LiveStore before its own 10 s open timeout would. */
const OPEN_DEADLINE_MS = 8_000
/** A request or ping without any answer this long gets a probe; without an answer to that, the link is dead. */
const ANSWER_TIMEOUT_MS = 4_000
const PROBE_TIMEOUT_MS = 3_000
/** Events held this long for a gap the server never fills: start over on a new connection. */
const GAP_TIMEOUT_MS = 10_000
/** A timer tick this late means the machine slept: probe every connection. */
const HEARTBEAT_MS = 1_000
const SLEEP_GAP_MS = 5_000
const PING_FRAME = JSON.stringify({ _tag: 'Ping' })

type SyncTarget = { url: URL; storeId: string; workspaceId: string }

const syncTargetOf = (url: string | URL): SyncTarget | undefined => {
  const target = new URL(url)
  const storeId = target.searchParams.get('storeId')
  try {
    // sync-cf encodes the payload as a URI component inside the query (decoded by the route the same way).
    const payload: unknown = JSON.parse(decodeURIComponent(target.searchParams.get('payload') ?? 'null'))
    return storeId !== null && isWorkspaceSyncPayload(payload)
      ? { url: target, storeId, workspaceId: payload.workspaceId }
      : undefined
  } catch {
    return undefined
  }
}

/** Frames that the server answers: requests and pings (acks and interrupts get no answer). */
const expectsAnswer = (data: unknown) =>
  typeof data === 'string' && (data.includes('"_tag":"Request"') || data.includes('"_tag":"Ping"'))

export const installSyncSocket = () => {
  const NativeWebSocket = globalThis.WebSocket
  const reports = new BroadcastChannel(SYNC_ACCESS_CHANNEL)
  const report = (message: SyncAccessMessage) => reports.postMessage(message)
  const pacer = makeConnectionPacer({ online: globalThis.navigator?.onLine ?? true })
  const tokens = makeSyncTokens({ report, onRenewed: () => pacer.wake() })
  const live = new Set<SyncSocket>()

  class SyncSocket extends EventTarget {
    static readonly CONNECTING = 0
    static readonly OPEN = 1
    static readonly CLOSING = 2
    static readonly CLOSED = 3
    readyState = 0
    readonly url: string
    readonly protocol = ''
    readonly extensions = ''
    binaryType: BinaryType = 'blob'
    private native: WebSocket | undefined
    private closedByClient = false
    private answerDue: number | undefined
    private probed = false
    private readonly pullOrder = makePullOrder()

    constructor(
      private readonly target: SyncTarget,
      private readonly protocols?: string | string[],
    ) {
      super()
      this.url = target.url.toString()
      void this.connect()
    }

    get bufferedAmount() {
      return this.native?.bufferedAmount ?? 0
    }

    /** Attempts connections, as the pacer allows, until one opens or the deadline passes. */
    private async connect() {
      const deadline = Date.now() + OPEN_DEADLINE_MS
      const { storeId, workspaceId } = this.target
      while (!this.closedByClient) {
        const mayTry = await pacer.turn(deadline, () => tokens.isStopped(storeId))
        if (this.closedByClient) return
        if (!mayTry) return this.endBeforeOpen('no connection to the sync server')
        const token = await tokens.current(storeId, workspaceId)
        if (this.closedByClient) return
        if (token === undefined) {
          pacer.failed()
          continue
        }
        const url = new URL(this.target.url)
        url.searchParams.set(SYNC_TOKEN_PARAM, token)
        const native = new NativeWebSocket(url, this.protocols)
        this.native = native
        const opened = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()))
          native.onopen = () => {
            clearTimeout(timer)
            resolve(true)
          }
          native.onclose = () => {
            clearTimeout(timer)
            resolve(false)
          }
        })
        if (this.closedByClient) {
          native.close(1000)
          return
        }
        if (opened) return this.adopt(native)
        native.onopen = native.onclose = null
        native.close()
        this.native = undefined
        pacer.failed()
        // Refused before opening: a browser cannot read the route's 401/403, so ask the token endpoint,
        // which either renews the token for the next attempt or says why access is gone.
        await tokens.renew(storeId, workspaceId)
      }
    }

    private adopt(native: WebSocket) {
      pacer.succeeded()
      live.add(this)
      native.onopen = null
      native.onmessage = (event: MessageEvent) => {
        this.answerDue = undefined
        this.probed = false
        this.dispatchEvent(new MessageEvent('message', { data: this.pullOrder.received(event.data) }))
      }
      native.onerror = () => this.dispatchEvent(new Event('error'))
      native.onclose = (event: CloseEvent) => {
        live.delete(this)
        this.readyState = SyncSocket.CLOSED
        this.reportClose(event.code, event.reason)
        this.dispatchEvent(
          new CloseEvent('close', { code: event.code, reason: event.reason, wasClean: event.wasClean }),
        )
      }
      this.readyState = SyncSocket.OPEN
      this.dispatchEvent(new Event('open'))
    }

    private reportClose(code: number, reason: string) {
      const { storeId } = this.target
      if (code === SYNC_CLOSE.accessRevoked) {
        tokens.stop(storeId)
        report({ type: 'revoked', storeId, reason })
      } else if (code === SYNC_CLOSE.pushRefused) report({ type: 'refused', storeId, reason })
      else if (code === SYNC_CLOSE.roleChanged) report({ type: 'role-changed', storeId })
    }

    /** No connection within the deadline: LiveStore sees a failed attempt and asks again. */
    private endBeforeOpen(reason: string) {
      this.readyState = SyncSocket.CLOSED
      this.dispatchEvent(new Event('error'))
      this.dispatchEvent(new CloseEvent('close', { code: 1006, reason, wasClean: false }))
    }

    /** The link is gone (or about to be): tell LiveStore now, and let the old socket go. */
    drop(reason: string) {
      if (this.readyState !== SyncSocket.OPEN || this.native === undefined) return
      const native = this.native
      native.onmessage = native.onclose = native.onerror = null
      native.close(4000, reason)
      live.delete(this)
      this.readyState = SyncSocket.CLOSED
      this.dispatchEvent(new Event('error'))
      this.dispatchEvent(new CloseEvent('close', { code: 1006, reason, wasClean: false }))
    }

    /** Asks the server for a sign of life (answered by the runtime, even while the object is busy). */
    probe() {
      if (this.readyState !== SyncSocket.OPEN || this.probed) return
      this.probed = true
      this.answerDue = Date.now() + PROBE_TIMEOUT_MS
      this.native?.send(PING_FRAME)
    }

    /** Called every heartbeat: a request or probe left unanswered too long means a dead link. */
    check(now: number) {
      const waiting = this.pullOrder.waitingSince()
      if (waiting !== undefined && now - waiting > GAP_TIMEOUT_MS) return this.drop('pulled events out of order')
      if (this.answerDue === undefined || now < this.answerDue) return
      if (!this.probed) this.probe()
      else this.drop('no answer from the sync server')
    }

    send(data: string | ArrayBufferLike | Blob | ArrayBufferView) {
      if (this.readyState === SyncSocket.CONNECTING) {
        throw new DOMException('WebSocket is not open', 'InvalidStateError')
      }
      // Closing or closed: the frame is dropped, as a browser's socket drops it. LiveStore may write one
      // before it hears of the close; a throw there would end its pusher for good instead of a retry.
      if (this.readyState !== SyncSocket.OPEN || this.native === undefined) return
      if (expectsAnswer(data)) this.answerDue ??= Date.now() + ANSWER_TIMEOUT_MS
      this.pullOrder.sent(data)
      this.native.send(data)
    }

    close(code?: number, reason?: string) {
      if (this.readyState === SyncSocket.CLOSED || this.readyState === SyncSocket.CLOSING) return
      if (this.readyState === SyncSocket.OPEN && this.native !== undefined) {
        this.readyState = SyncSocket.CLOSING
        this.native.close(code, reason)
        return
      }
      // Still connecting: stop trying; the close event follows asynchronously, as in a browser.
      this.closedByClient = true
      this.native?.close()
      this.readyState = SyncSocket.CLOSED
      queueMicrotask(() =>
        this.dispatchEvent(new CloseEvent('close', { code: code ?? 1000, reason: reason ?? '', wasClean: true })),
      )
    }
  }

  const onSignal = (signal: ConnectivitySignal) => {
    if (signal === 'offline') {
      pacer.setOnline(false)
      for (const socket of [...live]) socket.drop('browser offline')
      return
    }
    if (signal === 'online') pacer.setOnline(true)
    // Back online, visible again or awake again: try at once, and make sure open connections still live.
    pacer.wake()
    for (const socket of live) socket.probe()
  }
  globalThis.addEventListener('offline', () => onSignal('offline'))
  globalThis.addEventListener('online', () => onSignal('online'))
  // Pages relay what workers are not always told (not every browser fires online/offline in workers).
  new BroadcastChannel(SYNC_CONNECTIVITY_CHANNEL).onmessage = (event: MessageEvent) => {
    if (isConnectivitySignal(event.data)) onSignal(event.data)
  }

  let lastTick = Date.now()
  setInterval(() => {
    const now = Date.now()
    if (now - lastTick > SLEEP_GAP_MS) onSignal('awake')
    lastTick = now
    for (const socket of live) socket.check(now)
  }, HEARTBEAT_MS)

  function SyncAwareWebSocket(url: string | URL, protocols?: string | string[]) {
    const target = syncTargetOf(url)
    return target === undefined ? new NativeWebSocket(url, protocols) : new SyncSocket(target, protocols)
  }
  Object.assign(SyncAwareWebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 })
  globalThis.WebSocket = SyncAwareWebSocket as unknown as typeof WebSocket
}
