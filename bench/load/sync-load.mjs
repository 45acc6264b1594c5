// The load engine: protocol-level sync clients (sync-cf's WebSocket RPC frames, by hand, as in
// tests/worker/sync-client.ts) with real sync tokens, several per workspace, each pushing items of the
// workspace app (tests/app-under-test.ts; the chat: messages)
// at a jittered rate and pulling live. Clients behave like LiveStore's: one push in flight, every
// pending message in it, and on ServerAheadError they wait for their live pull to catch up, renumber
// and push again. Loss and duplication are judged by message id per receiver, order by seqNum.
// No server management here: bench/load.mjs and tests/e2e/sync-load.spec.ts bring the server.
import { request as httpRequest } from 'node:http'
import { cpus, loadavg } from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'

import { issueSyncToken, storeIdForWorkspace } from '../../lib/sync/token.ts'
import { fixtures } from '../../tests/app-under-test.ts'

/** The name of the event that adds an item (the chat: v1.MessageSent). */
const ITEM_EVENT = fixtures.itemEvent({ id: '', text: '', userId: '', at: 0 }).name

/** Events per push the load generator sends (sync-cf takes up to 500 with LiveStore patch 11; its own default was 100). */
const MAX_BATCH = 100
/** sync-cf's D1 storage writes a batch as INSERTs of at most 14 events (100 bound parameters / 7 columns). */
const D1_EVENTS_PER_INSERT = 14
/** A client that saw ServerAheadError waits this long at most for its pull to reach the server's head. */
const CATCH_UP_TIMEOUT_MS = 10_000
const VERIFY_TIMEOUT_MS = 20_000
const MAX_ERROR_SAMPLES = 10

const now = () => performance.now()
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Finds `ServerAheadError` anywhere in an Exit's cause (Fail, Sequential, … nest it differently). */
const serverAheadIn = (cause) => {
  if (typeof cause !== 'object' || cause === null) return undefined
  if (cause._tag === 'ServerAheadError') return cause
  for (const value of Object.values(cause)) {
    const found = serverAheadIn(value)
    if (found !== undefined) return found
  }
  return undefined
}

const syncUrl = (baseUrl, { storeId, workspaceId, token }) => {
  const url = new URL('/sync', baseUrl)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  url.search = new URLSearchParams({
    storeId,
    transport: 'ws',
    payload: JSON.stringify({ workspaceId }),
    token,
  }).toString()
  return url.toString()
}

/** Why a WebSocket did not open: the browser API hides the status, so ask again with a raw upgrade. */
const refusalReason = (url) =>
  new Promise((resolve) => {
    const target = new URL(url.replace(/^ws/, 'http'))
    const req = httpRequest(target, {
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64'),
      },
      timeout: 5000,
    })
    req.on('upgrade', (_res, socket) => {
      socket.destroy()
      resolve('101 on retry (transient refusal)')
    })
    req.on('response', (res) => {
      let body = ''
      res.on('data', (chunk) => {
        body += chunk
      })
      res.on('end', () => resolve(`${res.statusCode} ${body.slice(0, 200)}`))
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', (error) => resolve(`no answer: ${error.message}`))
    req.end()
  })

const percentile = (sorted, p) =>
  sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
const round = (value) => (value === null ? null : Math.round(value * 10) / 10)
const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted.at(-1) ?? null),
  }
}

class Stats {
  refused = 0
  errors = 0
  rebases = 0
  pushRequests = 0
  acceptedPushes = 0
  d1Inserts = 0
  errorSamples = []
  acceptedRtts = [] // ms from sending a push to its Success
  refusedRtts = [] // ms from sending a push to its ServerAheadError
  catchUps = [] // ms a refused client waited for its pull to reach the server's head

  error(message) {
    this.errors++
    if (this.errorSamples.length < MAX_ERROR_SAMPLES) this.errorSamples.push(message)
  }
}

/** One sync connection: a live pull from the start, pushes of its own messages, what it received when. */
class LoadClient {
  pending = [] // messages committed, not yet acknowledged, oldest first
  inflight = undefined // { requestId, count, lastSeqNum }
  catchUpTo = undefined // the server head a ServerAheadError named, until the pull reaches it
  catchUpSince = 0
  pullHead = 0 // highest seqNum the live pull delivered
  ackedHead = 0 // seqNum of the last event of our last acknowledged push
  lastSeqNum = 0
  arrivals = new Map() // message id -> time it arrived (messages of other clients)
  seen = new Map() // message id -> times received (every message, own included)
  duplicates = 0
  outOfOrder = 0
  closed = false
  ready = false
  nextId = 1
  pullId = undefined
  waiters = []

  constructor({ index, workspace, storeId, userId, url, stats, ledger }) {
    this.index = index
    this.workspace = workspace
    this.storeId = storeId
    this.userId = userId
    this.url = url
    this.stats = stats
    this.ledger = ledger
    this.clientId = `load-${workspace.index}-${index}`
    this.sessionId = `${this.clientId}-session`
  }

  /** Opens the socket and the live pull; resolves once the pull's first chunk (the empty log) is in. */
  async start(timeoutMs) {
    const opened = await new Promise((resolve) => {
      const ws = new WebSocket(this.url)
      const timer = setTimeout(() => {
        ws.close()
        resolve(false)
      }, timeoutMs)
      ws.addEventListener('open', () => {
        clearTimeout(timer)
        resolve(true)
      })
      ws.addEventListener('error', () => {
        clearTimeout(timer)
        resolve(false)
      })
      this.ws = ws
    })
    if (!opened) {
      this.stats.refused++
      this.closed = true
      this.stats.error(`${this.clientId}: refused: ${await refusalReason(this.url)}`)
      return false
    }
    this.ws.addEventListener('message', (event) => this.onMessage(event.data))
    this.ws.addEventListener('close', (event) => {
      if (!this.closed) this.stats.error(`${this.clientId}: socket closed ${event.code} ${event.reason}`)
      this.closed = true
      this.wake()
    })
    this.pullId = this.request('SyncWsRpc.Pull', { cursor: { _tag: 'None' }, live: true })
    const deadline = now() + timeoutMs
    while (!this.ready && !this.closed && now() < deadline) await this.waitForFrame(deadline - now())
    if (!this.ready && !this.closed) this.stats.error(`${this.clientId}: live pull did not start`)
    return this.ready
  }

  request(tag, payload) {
    const id = String(this.nextId++)
    this.ws.send(
      JSON.stringify({ _tag: 'Request', id, tag, payload: { storeId: this.storeId, ...payload }, headers: [] }),
    )
    return id
  }

  waitForFrame(ms) {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, ms))
      this.waiters.push(() => {
        clearTimeout(timer)
        resolve()
      })
    })
  }

  wake() {
    for (const waiter of this.waiters.splice(0)) waiter()
  }

  onMessage(data) {
    const arrivedAt = now()
    let parsed
    try {
      parsed = JSON.parse(String(data))
    } catch {
      this.stats.error(`${this.clientId}: frame is not JSON`)
      return
    }
    for (const frame of Array.isArray(parsed) ? parsed : [parsed]) this.onFrame(frame, arrivedAt)
    this.wake()
  }

  onFrame(frame, arrivedAt) {
    if (frame._tag === 'Chunk' && frame.requestId === this.pullId) {
      // Effect RPC streams wait for an Ack per chunk.
      this.ws.send(JSON.stringify({ _tag: 'Ack', requestId: frame.requestId }))
      for (const value of frame.values ?? [])
        for (const item of value.batch ?? []) this.onEvent(item.eventEncoded, arrivedAt)
      this.ready = true
      this.maybePush()
    } else if (frame._tag === 'Exit' && this.inflight !== undefined && frame.requestId === this.inflight.requestId) {
      this.onPushExit(frame.exit)
    } else if (frame._tag === 'Exit' && frame.requestId === this.pullId) {
      this.stats.error(`${this.clientId}: live pull ended: ${JSON.stringify(frame.exit).slice(0, 300)}`)
    } else if (frame._tag === 'Defect' || frame._tag === 'ClientProtocolError') {
      this.stats.error(`${this.clientId}: ${frame._tag}: ${JSON.stringify(frame).slice(0, 300)}`)
    }
  }

  onEvent(event, arrivedAt) {
    if (event.seqNum <= this.lastSeqNum) this.outOfOrder++
    this.lastSeqNum = Math.max(this.lastSeqNum, event.seqNum)
    this.pullHead = Math.max(this.pullHead, event.seqNum)
    if (event.name !== ITEM_EVENT) return
    const id = event.args.id
    const times = (this.seen.get(id) ?? 0) + 1
    this.seen.set(id, times)
    if (times > 1) this.duplicates++
    else if (event.clientId !== this.clientId) this.arrivals.set(id, arrivedAt)
    if (this.catchUpTo !== undefined && this.pullHead >= this.catchUpTo) {
      this.stats.catchUps.push(now() - this.catchUpSince)
      this.catchUpTo = undefined
      this.maybePush()
    }
  }

  onPushExit(exit) {
    const { count, lastSeqNum, sentAt } = this.inflight
    this.inflight = undefined
    if (exit._tag === 'Success') {
      this.stats.acceptedRtts.push(now() - sentAt)
      this.stats.acceptedPushes++
      this.stats.d1Inserts += Math.ceil(count / D1_EVENTS_PER_INSERT)
      const ackedAt = now()
      for (const message of this.pending.splice(0, count)) this.ledger.get(message.id).ackedAt = ackedAt
      this.ackedHead = lastSeqNum
      this.maybePush()
      return
    }
    const ahead = serverAheadIn(exit.cause)
    if (ahead === undefined) {
      this.stats.error(`${this.clientId}: push failed: ${JSON.stringify(exit.cause).slice(0, 300)}`)
      return
    }
    // Another client got there first: rebase on what the live pull brings, as LiveStore does.
    this.stats.refusedRtts.push(now() - sentAt)
    this.stats.rebases++
    this.catchUpTo = ahead.minimumExpectedNum
    this.catchUpSince = now()
    const check = () => {
      if (this.closed || this.catchUpTo === undefined) return
      if (now() - this.catchUpSince > CATCH_UP_TIMEOUT_MS) {
        this.stats.error(`${this.clientId}: pull did not reach head ${this.catchUpTo} within ${CATCH_UP_TIMEOUT_MS} ms`)
        this.catchUpTo = undefined
        this.maybePush()
      } else setTimeout(check, 200)
    }
    if (this.pullHead >= this.catchUpTo) {
      this.stats.catchUps.push(0)
      this.catchUpTo = undefined
      this.maybePush()
    } else setTimeout(check, 200)
  }

  /** A user hits Send: the message is committed locally and queued for the server. */
  commit() {
    const id = `${this.clientId}-${this.ledger.size}`
    const message = { id, text: `load message ${id}`, at: Date.now(), committedAt: now() }
    this.ledger.set(id, { workspace: this.workspace.index, sender: this.index, firstTriedAt: undefined, ...message })
    this.pending.push(message)
    this.maybePush()
  }

  /** Pushes every pending message (up to a batch) on top of the newest head this client knows. */
  maybePush() {
    if (this.closed || !this.ready || this.inflight !== undefined || this.catchUpTo !== undefined) return
    if (this.pending.length === 0) return
    const parent = Math.max(this.pullHead, this.ackedHead)
    const sentAt = now()
    for (const message of this.pending.slice(0, MAX_BATCH)) {
      const entry = this.ledger.get(message.id)
      entry.firstTriedAt ??= sentAt
    }
    const batch = this.pending.slice(0, MAX_BATCH).map((message, i) => ({
      ...fixtures.itemEvent({ id: message.id, text: message.text, userId: this.userId, at: message.at }),
      seqNum: parent + i + 1,
      parentSeqNum: parent + i,
      clientId: this.clientId,
      sessionId: this.sessionId,
    }))
    const requestId = this.request('SyncWsRpc.Push', { batch, backendId: { _tag: 'None' } })
    this.inflight = { requestId, count: batch.length, lastSeqNum: parent + batch.length, sentAt }
    this.stats.pushRequests++
  }

  get settled() {
    return this.closed || (this.pending.length === 0 && this.inflight === undefined)
  }

  close() {
    this.closed = true
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.close(1000, 'load run done')
  }
}

/** A fresh connection's non-live pull from the start: the workspace's whole log as the server stores it. */
const readServerLog = async (url) => {
  const ws = new WebSocket(url)
  const events = []
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      ws.close()
      reject(new Error(`verification pull timed out after ${VERIFY_TIMEOUT_MS} ms`))
    }, VERIFY_TIMEOUT_MS)
    ws.addEventListener('error', () => {
      clearTimeout(timer)
      reject(new Error('verification connection refused'))
    })
    ws.addEventListener('open', () => {
      ws.send(
        JSON.stringify({
          _tag: 'Request',
          id: '1',
          tag: 'SyncWsRpc.Pull',
          payload: { storeId: new URL(url).searchParams.get('storeId'), cursor: { _tag: 'None' }, live: false },
          headers: [],
        }),
      )
    })
    ws.addEventListener('message', (message) => {
      const parsed = JSON.parse(String(message.data))
      for (const frame of Array.isArray(parsed) ? parsed : [parsed]) {
        if (frame.requestId !== '1') continue
        if (frame._tag === 'Chunk') {
          ws.send(JSON.stringify({ _tag: 'Ack', requestId: '1' }))
          for (const value of frame.values ?? []) for (const item of value.batch ?? []) events.push(item.eventEncoded)
        } else if (frame._tag === 'Exit') {
          clearTimeout(timer)
          ws.close(1000, 'verified')
          if (frame.exit._tag === 'Success') resolve()
          else reject(new Error(`verification pull failed: ${JSON.stringify(frame.exit).slice(0, 300)}`))
        }
      }
    })
  })
  return events
}

/**
 * Runs the load and returns one result object (see bench/load.mjs for the fields).
 * @param {import('./sync-load.d.mts').SyncLoadOptions} options
 */
export const runSyncLoad = async ({
  baseUrl,
  secret,
  workspaces,
  clientsPerWorkspace,
  durationMs,
  messagesPerSecond,
  drainMs = 15_000,
  connectTimeoutMs = 15_000,
  verify = true,
  log = () => {},
}) => {
  if (!/^https?:\/\/127\.0\.0\.1[:/]/.test(baseUrl)) throw new Error(`load runs against 127.0.0.1 only, not ${baseUrl}`)
  const stats = new Stats()
  const ledger = new Map() // message id -> { workspace, sender, committedAt, ackedAt, … }
  const groups = await Promise.all(
    workspaces.map(async ({ workspaceId, userIds, clients: clientCount = clientsPerWorkspace }, index) => {
      const storeId = await storeIdForWorkspace(workspaceId)
      const workspace = { index, workspaceId, storeId, userIds }
      const tokenUrl = async (userId) => {
        const { token } = await issueSyncToken(secret, { userId, workspaceId, role: 'member' })
        return syncUrl(baseUrl, { storeId, workspaceId, token })
      }
      const clients = await Promise.all(
        Array.from({ length: clientCount }, async (_, i) => {
          const userId = userIds[i % userIds.length]
          return new LoadClient({ index: i, workspace, storeId, userId, url: await tokenUrl(userId), stats, ledger })
        }),
      )
      return { workspace, clients, verifyUrl: await tokenUrl(userIds[0]) }
    }),
  )
  const clients = groups.flatMap((group) => group.clients)

  const loadBefore = loadavg()[0]
  const loopDelay = monitorEventLoopDelay({ resolution: 10 })
  loopDelay.enable()
  try {
    // Every live pull is open before the first push, so every client sees every message through it.
    log(`connecting ${clients.length} clients`)
    await Promise.all(clients.map((client) => client.start(connectTimeoutMs)))
    log(`${clients.filter((c) => c.ready).length}/${clients.length} clients pulling live; pushing for ${durationMs} ms`)

    const startedAt = now()
    const pushUntil = startedAt + durationMs
    const meanGapMs = 1000 / messagesPerSecond
    // Jitter: gaps uniform in [0.5, 1.5] × the mean, so clients drift apart as people do.
    const timers = clients.map((client) => {
      const schedule = (delay) =>
        setTimeout(() => {
          if (now() >= pushUntil || client.closed) return
          client.commit()
          timer.current = schedule(meanGapMs * (0.5 + Math.random()))
        }, delay)
      const timer = { current: schedule(meanGapMs * Math.random()) }
      return timer
    })
    while (now() < pushUntil) await sleep(Math.min(1000, pushUntil - now()))
    for (const timer of timers) clearTimeout(timer.current)
    const pushPhaseMs = now() - startedAt

    // Drain: pending pushes finish and broadcasts land, within a bound.
    log('push phase over; draining')
    const drainStart = now()
    const receiversOf = (message) => groups[message.workspace].clients.filter((c) => c.index !== message.sender)
    const allDelivered = () =>
      [...ledger.values()].every(
        (message) =>
          message.ackedAt !== undefined && receiversOf(message).every((c) => c.closed || c.seen.has(message.id)),
      )
    while (now() - drainStart < drainMs && !(clients.every((c) => c.settled) && allDelivered())) await sleep(100)
    const drainedMs = now() - drainStart
    loopDelay.disable()

    // Judge every acknowledged message at every other client of its workspace.
    let pushed = 0
    let delivered = 0
    let lost = 0
    let missingDeliveries = 0
    const latencies = [] // from the sender's first push attempt
    const sinceCommit = [] // from the moment the user hit Send (includes waiting behind the push in flight)
    for (const message of ledger.values()) {
      if (message.ackedAt === undefined) continue
      pushed++
      let complete = true
      for (const receiver of receiversOf(message)) {
        const arrivedAt = receiver.arrivals.get(message.id)
        if (arrivedAt === undefined) {
          complete = false
          missingDeliveries++
        } else {
          latencies.push(arrivedAt - message.firstTriedAt)
          sinceCommit.push(arrivedAt - message.committedAt)
        }
      }
      if (complete) delivered++
      else lost++
    }
    latencies.sort((a, b) => a - b)

    // Closed first: no push may land while the logs are read (one still in flight shows as storedUnacknowledged).
    for (const client of clients) client.close()
    const verification = verify ? await verifyServerLogs(groups, ledger, log) : null

    const perWorkspace = groups.map(({ workspace }) => {
      const acked = [...ledger.values()].filter((m) => m.workspace === workspace.index && m.ackedAt !== undefined)
      return acked.length
    })
    const seconds = pushPhaseMs / 1000
    return {
      benchmark: 'sync load: protocol clients pushing items of the workspace app and pulling live',
      config: {
        baseUrl,
        clients: clients.length,
        workspaces: groups.length,
        clientsPerWorkspace,
        durationS: durationMs / 1000,
        messagesPerSecondPerClient: messagesPerSecond,
        drainMaxS: drainMs / 1000,
      },
      generated: ledger.size,
      pushed,
      unacknowledged: ledger.size - pushed,
      delivered,
      lost,
      missingDeliveries,
      duplicated: clients.reduce((sum, c) => sum + c.duplicates, 0),
      outOfOrder: clients.reduce((sum, c) => sum + c.outOfOrder, 0),
      refused: stats.refused,
      errors: stats.errors,
      errorSamples: stats.errorSamples,
      rebases: stats.rebases,
      pushRequests: stats.pushRequests,
      acceptedPushes: stats.acceptedPushes,
      // Where the time goes: a push's round trip, and a refused client's wait for its pull to catch up.
      pushRttMs: { accepted: summary(stats.acceptedRtts), refused: summary(stats.refusedRtts) },
      catchUpMs: summary(stats.catchUps),
      latencyMs: {
        pairs: latencies.length,
        p50: round(percentile(latencies, 50)),
        p95: round(percentile(latencies, 95)),
        p99: round(percentile(latencies, 99)),
        max: round(latencies.at(-1) ?? null),
      },
      commitToDeliveryMs: summary(sinceCommit),
      throughput: {
        messagesPerSecond: round(pushed / seconds),
        perWorkspaceMessagesPerSecond: round(Math.max(0, ...perWorkspace) / seconds),
        acceptedPushesPerSecond: round(stats.acceptedPushes / seconds),
        // sync-cf's D1 storage: one INSERT per ≤14 events of an accepted push (STORE_METADATA refreshes not counted).
        d1EventInsertsPerSecond: round(stats.d1Inserts / seconds),
        deliveriesPerSecond: round(latencies.length / seconds),
      },
      drainS: round(drainedMs / 1000),
      verification,
      loadGenerator: {
        eventLoopDelayP99Ms: round(loopDelay.percentile(99) / 1e6),
        eventLoopDelayMaxMs: round(loopDelay.max / 1e6),
      },
      node: process.version,
      cpus: cpus().length,
      // The host's 1-minute load average before and after: other work on the machine skews every figure.
      loadAverage: { before: round(loadBefore), after: round(loadavg()[0]) },
    }
  } finally {
    loopDelay.disable()
    for (const client of clients) client.close()
  }
}

/** Every acknowledged message exactly once in each workspace's server log, seqNums 1…N without gaps. */
const verifyServerLogs = async (groups, ledger, log) => {
  const result = {
    workspaces: 0,
    events: 0,
    missing: 0,
    duplicated: 0,
    storedUnacknowledged: 0,
    seqGaps: 0,
    failures: [],
  }
  for (const { workspace, verifyUrl } of groups) {
    let events
    // One retry: a server busy with the run's backlog may refuse or stall the first attempt.
    for (let attempt = 1; attempt <= 2 && events === undefined; attempt++) {
      try {
        events = await readServerLog(verifyUrl)
      } catch (error) {
        if (attempt === 2) result.failures.push(`${workspace.workspaceId}: ${error.message}`)
        else await sleep(2000)
      }
    }
    if (events === undefined) continue
    result.workspaces++
    result.events += events.length
    const counts = new Map()
    events.forEach((event, i) => {
      if (event.seqNum !== i + 1) result.seqGaps++
      if (event.name === ITEM_EVENT) counts.set(event.args.id, (counts.get(event.args.id) ?? 0) + 1)
    })
    for (const [id, count] of counts) {
      if (count > 1) result.duplicated++
      if (ledger.get(id)?.ackedAt === undefined) result.storedUnacknowledged++
    }
    for (const [id, message] of ledger) {
      if (message.workspace === workspace.index && message.ackedAt !== undefined && !counts.has(id)) result.missing++
    }
  }
  log(`verified ${result.workspaces} server logs (${result.events} events)`)
  return result
}
