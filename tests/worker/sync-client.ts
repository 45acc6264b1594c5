// A minimal sync client for tests: speaks sync-cf's WebSocket protocol (Effect RPC frames, JSON) by
// hand, so that tests can send exactly the frames a browser would send, and malformed ones too.
import { env, exports } from 'cloudflare:workers'

import type { WorkspaceRole } from '../../lib/auth/permissions'
import { syncBackendOf } from '../../lib/sync/revocation'
import { eventLogTable } from '../../lib/sync/sync-metadata'
import { issueSyncToken, storeIdForWorkspace } from '../../lib/sync/token'
import { fixtures } from '../app-under-test.ts'

export type EncodedEvent = {
  name: string
  args: unknown
  seqNum: number
  parentSeqNum: number
  clientId: string
  sessionId: string
}

type Frame = {
  _tag: string
  requestId?: string
  values?: unknown[]
  exit?: { _tag: string; value?: unknown; cause?: unknown }
}

export const syncUrl = (params: Record<string, string>) => `http://sync.test/sync?${new URLSearchParams(params)}`

/** The URL parameters of a browser's connection: LiveStore's payload (the workspace) and the token beside it. */
export const connectionParams = (storeId: string, workspaceId: string, token: string) => ({
  storeId,
  transport: 'ws',
  payload: JSON.stringify({ workspaceId }),
  token,
})

export const openSync = (params: Record<string, string>, init: RequestInit = {}) =>
  exports.default.fetch(syncUrl(params), { ...init, headers: { Upgrade: 'websocket', ...init.headers } })

export class SyncClient {
  private frames: Frame[] = []
  private waiters: Array<() => void> = []
  private nextId = 1
  closed: { code: number; reason: string } | undefined

  private constructor(
    readonly ws: WebSocket,
    readonly storeId: string,
  ) {
    ws.accept()
    ws.addEventListener('message', (event) => {
      this.frames.push(JSON.parse(String(event.data)) as Frame)
      this.wake()
    })
    ws.addEventListener('close', (event) => {
      this.closed = { code: event.code, reason: event.reason }
      this.wake()
    })
  }

  static async connect(storeId: string, workspaceId: string, token: string): Promise<SyncClient> {
    const response = await openSync(connectionParams(storeId, workspaceId, token))
    if (response.status !== 101 || response.webSocket === null) {
      throw new Error(`expected a WebSocket upgrade, got ${response.status}: ${await response.text()}`)
    }
    return new SyncClient(response.webSocket, storeId)
  }

  private wake() {
    for (const waiter of this.waiters.splice(0)) waiter()
  }

  /** Waits until `done` holds for the frames received so far (or the socket closes). */
  async until<T>(done: (frames: Frame[]) => T | undefined, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const result = done(this.frames)
      if (result !== undefined) return result
      if (this.closed) throw new Error(`socket closed (${this.closed.code} ${this.closed.reason})`)
      if (Date.now() > deadline) throw new Error('timed out waiting for the sync server')
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve)
        setTimeout(resolve, 50)
      })
    }
  }

  async waitForClose(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('socket stayed open')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    return this.closed
  }

  sendRaw(data: string) {
    this.ws.send(data)
  }

  private request(tag: string, payload: Record<string, unknown>): string {
    const id = String(this.nextId++)
    this.ws.send(
      JSON.stringify({ _tag: 'Request', id, tag, payload: { storeId: this.storeId, ...payload }, headers: [] }),
    )
    return id
  }

  /** Pushes a batch and resolves with the RPC's exit: `Success` or `Failure` with its cause. */
  async push(batch: EncodedEvent[]) {
    const id = this.request('SyncWsRpc.Push', { batch, backendId: { _tag: 'None' } })
    return this.until((frames) => frames.find((f) => f._tag === 'Exit' && f.requestId === id)?.exit)
  }

  /** Pushes a batch the server is expected to refuse: resolves with the close it answers with. */
  async pushRefused(batch: EncodedEvent[]) {
    this.request('SyncWsRpc.Push', { batch, backendId: { _tag: 'None' } })
    return this.waitForClose()
  }

  /** Pulls every event from the start of the log (not live). */
  async pullAll(): Promise<EncodedEvent[]> {
    return (await this.pullMessages()).flat()
  }

  /** Starts a live pull from the log's current end; `received()` lists the events of each message since. */
  async pullLive(after: number) {
    const id = this.request('SyncWsRpc.Pull', {
      cursor: { _tag: 'Some', value: { eventSequenceNumber: after, backendId: await this.backendId() } },
      live: true,
    })
    const chunks = () => this.frames.filter((frame) => frame.requestId === id && frame._tag === 'Chunk')
    // The pull's first page (empty when nothing follows `after`): from here on, events come by broadcast.
    await this.until(() => (chunks().length > 0 ? true : undefined))
    const received = () =>
      chunks()
        .flatMap((frame) => frame.values ?? [])
        .map((value) => (value as { batch: Array<{ eventEncoded: EncodedEvent }> }).batch.map((i) => i.eventEncoded))
        .filter((batch) => batch.length > 0)
    /** Each message with events as it came: its size in bytes (frames are compact JSON) and its pull responses. */
    const messages = () =>
      chunks()
        .filter((frame) => (frame.values ?? []).some((value) => (value as { batch: unknown[] }).batch.length > 0))
        .map((frame) => ({ bytes: new TextEncoder().encode(JSON.stringify(frame)).byteLength, values: frame.values }))
    return { received, messages }
  }

  /** The store's backend id, as a pull reports it. */
  private async backendId(): Promise<string> {
    const id = this.request('SyncWsRpc.Pull', { cursor: { _tag: 'None' }, live: false })
    return this.until((frames) => {
      for (const frame of frames) {
        if (frame.requestId !== id || frame._tag !== 'Chunk') continue
        this.ws.send(JSON.stringify({ _tag: 'Ack', requestId: id }))
        const value = frame.values?.[0] as { backendId?: string } | undefined
        if (value?.backendId !== undefined) return value.backendId
      }
      return undefined
    })
  }

  /** Pulls every event from the start of the log (not live), as the messages the server sent them in. */
  async pullMessages(): Promise<EncodedEvent[][]> {
    const id = this.request('SyncWsRpc.Pull', { cursor: { _tag: 'None' }, live: false })
    const messages: EncodedEvent[][] = []
    let seen = 0
    await this.until((frames) => {
      for (const frame of frames.slice(seen)) {
        seen++
        if (frame.requestId !== id) continue
        if (frame._tag === 'Chunk') {
          this.ws.send(JSON.stringify({ _tag: 'Ack', requestId: id }))
          for (const value of frame.values ?? []) {
            const batch = (value as { batch: Array<{ eventEncoded: EncodedEvent }> }).batch
            if (batch.length > 0) messages.push(batch.map((item) => item.eventEncoded))
          }
        }
        if (frame._tag === 'Exit') return true
      }
      return undefined
    })
    return messages
  }

  close() {
    this.ws.close(1000, 'test done')
  }
}

/** Items of the app under test (tests/app-under-test.ts) as a browser would push them (dates as epoch ms). */
export const itemEvents = (
  userId: string,
  texts: string[],
  { clientId = 'client-a', firstSeqNum = 1 } = {},
): EncodedEvent[] =>
  texts.map((text, index) => {
    const { name, args } = fixtures.itemEvent({
      id: `${clientId}-${firstSeqNum + index}`,
      text,
      userId,
      at: 1_767_225_600_000 + index,
    })
    return encodedEvent(name, args, firstSeqNum + index, clientId)
  })

/** The item text a stored event's JSON arguments carry. */
export const storedText = (argsJson: string) => fixtures.textOf(JSON.parse(argsJson))

export const encodedEvent = (name: string, args: unknown, seqNum: number, clientId = 'client-a'): EncodedEvent => ({
  name,
  args,
  seqNum,
  parentSeqNum: seqNum - 1,
  clientId,
  sessionId: `${clientId}-session`,
})

let counter = 0
const unique = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${counter++}`

/** A workspace with members, written straight into better-auth's tables (the sync side only reads them). */
export const makeWorkspace = async (roles: Record<string, WorkspaceRole>) => {
  const workspaceId = unique('org')
  const now = new Date().toISOString()
  const userIds = Object.fromEntries(Object.keys(roles).map((name) => [name, unique(name)]))
  await env.DB.batch([
    env.DB.prepare('INSERT INTO organization (id, name, slug, createdAt) VALUES (?, ?, ?, ?)').bind(
      workspaceId,
      'Workspace',
      workspaceId,
      now,
    ),
    ...Object.entries(roles).flatMap(([name, role]) => [
      env.DB.prepare(
        'INSERT INTO user (id, name, email, emailVerified, createdAt, updatedAt) VALUES (?, ?, ?, 1, ?, ?)',
      ).bind(userIds[name], name, `${userIds[name]}@example.test`, now, now),
      env.DB.prepare('INSERT INTO member (id, organizationId, userId, role, createdAt) VALUES (?, ?, ?, ?, ?)').bind(
        unique('member'),
        workspaceId,
        userIds[name],
        role,
        now,
      ),
    ]),
  ])
  const storeId = await storeIdForWorkspace(workspaceId)
  const tokenFor = async (name: string, now?: number) =>
    (await issueSyncToken(env.BETTER_AUTH_SECRET, { userId: userIds[name]!, workspaceId, role: roles[name]! }, { now }))
      .token
  const connect = async (name: string) => SyncClient.connect(storeId, workspaceId, await tokenFor(name))
  return { workspaceId, storeId, userIds: userIds as Record<string, string>, tokenFor, connect }
}

export const storedEvents = async (storeId: string) => {
  const exists = await env.DB.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .bind(eventLogTable(storeId))
    .first()
  if (exists === null) return []
  const { results } = await env.DB.prepare(
    `SELECT seqNum, parentSeqNum, name, args, clientId FROM ${eventLogTable(storeId)} ORDER BY seqNum`,
  ).all<{ seqNum: number; parentSeqNum: number; name: string; args: string; clientId: string }>()
  return results
}

/** The Durable Object of a store, as the app reaches it through the binding. */
export const syncBackend = (storeId: string) => syncBackendOf(env, storeId)

export const waitFor = async <T>(check: () => Promise<T | undefined>, timeoutMs = 3000): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const result = await check()
    if (result !== undefined) return result
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
