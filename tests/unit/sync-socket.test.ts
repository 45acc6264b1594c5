import { SignJWT } from 'jose'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { installSyncSocket } from '../../lib/livestore/sync-socket'

/** The browser's WebSocket, as far as the sync socket uses it. */
class NativeSocket {
  static made: NativeSocket[] = []
  readyState = 0
  bufferedAmount = 0
  sent: unknown[] = []
  onopen: (() => void) | null = null
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null
  onmessage: ((event: MessageEvent) => void) | null = null
  onerror: (() => void) | null = null
  constructor(readonly url: URL) {
    NativeSocket.made.push(this)
  }
  send(data: unknown) {
    // As a browser does: only a socket still connecting throws; a closing or closed one drops the data.
    if (this.readyState === 0) throw new DOMException('still connecting', 'InvalidStateError')
    if (this.readyState === 1) this.sent.push(data)
  }
  close() {
    this.readyState = 3
  }
  /** The server goes away: the browser reports a close. */
  lost() {
    this.readyState = 3
    this.onclose?.({ code: 1006, reason: '', wasClean: false })
  }
}

const syncUrl = `ws://127.0.0.1/sync?storeId=s1&transport=ws&payload=${encodeURIComponent(JSON.stringify({ workspaceId: 'w1' }))}`

const openSyncSocket = async () => {
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('300s')
    .sign(new TextEncoder().encode('test key'))
  vi.stubGlobal('fetch', async () => Response.json({ token, storeId: 's1' }))
  vi.stubGlobal('addEventListener', () => {})
  vi.stubGlobal('WebSocket', NativeSocket)
  installSyncSocket()
  const socket = new WebSocket(syncUrl)
  await vi.waitFor(() => expect(NativeSocket.made).toHaveLength(1))
  return { socket, native: NativeSocket.made[0]! }
}

describe("the leader worker's sync socket", () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    NativeSocket.made = []
  })

  it('throws on a send before it opens and drops one after it closed, as a browser socket does', async () => {
    const { socket, native } = await openSyncSocket()
    expect(() => socket.send('{"_tag":"Ping"}')).toThrow('WebSocket is not open')
    native.readyState = 1
    native.onopen?.()
    await vi.waitFor(() => expect(socket.readyState).toBe(1))
    socket.send('{"_tag":"Ping"}')
    expect(native.sent).toEqual(['{"_tag":"Ping"}'])

    native.lost()
    expect(socket.readyState).toBe(3)
    // LiveStore's socket writer can still hold a frame for the closed socket; throwing would end its
    // pusher for good (a defect, not a failure), where the lost frame is simply retried on the next one.
    expect(() => socket.send('{"_tag":"Request","id":"7"}')).not.toThrow()
    expect(native.sent).toEqual(['{"_tag":"Ping"}'])
  })
})
