// Push-to-broadcast latency through the real sync stack: wrangler dev (workerd) running the /sync route
// (token and membership checks included) and its Durable Object (schema and role validation) on a
// throwaway local D1. One member pushes items of the workspace app one at a time; a second member's live pull
// receives each broadcast. Prints one JSON object. Run by hand: `npm run bench`.
import { execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { issueSyncToken, storeIdForWorkspace } from '../lib/sync/token.ts'
import { bin, migrateLocalD1, root } from '../scripts/local-setup.mjs'
import { offlineEnv } from '../scripts/offline-env.mjs'
import { fixtures } from '../tests/app-under-test.ts'

const EVENTS = Number(process.env.BENCH_EVENTS ?? 200)
const PORT = process.env.BENCH_PORT ?? '8795'
const state = mkdtempSync(join(tmpdir(), 'sync-bench-'))

const SECRET = randomBytes(32).toString('base64url')
const WORKSPACE = 'bench-workspace'
const USERS = ['bench-writer', 'bench-reader']

migrateLocalD1(state, { quiet: true }) // stdout carries the JSON result only
// The two members, straight into better-auth's tables (the sync route only reads them).
const now = new Date().toISOString()
const seed = [
  `INSERT INTO organization (id, name, slug, createdAt) VALUES ('${WORKSPACE}', 'Bench', '${WORKSPACE}', '${now}')`,
  ...USERS.flatMap((id) => [
    `INSERT INTO user (id, name, email, emailVerified, createdAt, updatedAt) VALUES ('${id}', '${id}', '${id}@example.test', 1, '${now}', '${now}')`,
    `INSERT INTO member (id, organizationId, userId, role, createdAt) VALUES ('m-${id}', '${WORKSPACE}', '${id}', 'member', '${now}')`,
  ]),
].join('; ')
execFileSync(bin('wrangler'), ['d1', 'execute', 'DB', '--local', '--persist-to', state, '--command', seed], {
  cwd: root,
  stdio: 'ignore',
  env: offlineEnv({ CI: 'true' }),
})
const server = spawn(
  bin('wrangler'),
  [
    'dev',
    'lib/sync/standalone-worker.ts',
    '--ip',
    '127.0.0.1',
    '--port',
    PORT,
    '--inspector-port',
    '9233',
    '--persist-to',
    state,
    '--show-interactive-dev-session=false',
    '--log-level',
    'error',
    '--var',
    `BETTER_AUTH_SECRET:${SECRET}`,
  ],
  { cwd: root, env: offlineEnv(), stdio: 'ignore' },
)
const stop = () => {
  server.kill('SIGTERM')
  rmSync(state, { recursive: true, force: true })
}

const waitForServer = async () => {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/sync?storeId=x&transport=ws`)).status === 426) return
    } catch {}
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('sync worker did not start')
}

const connect = async (storeId, userId) => {
  const { token } = await issueSyncToken(SECRET, { userId, workspaceId: WORKSPACE, role: 'member' })
  const params = new URLSearchParams({
    storeId,
    transport: 'ws',
    payload: JSON.stringify({ workspaceId: WORKSPACE }),
    token,
  })
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${PORT}/sync?${params}`)
    ws.addEventListener('open', () => resolve(ws))
    ws.addEventListener('error', reject)
  })
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

try {
  await waitForServer()
  const storeId = await storeIdForWorkspace(WORKSPACE)
  const [writer, reader] = await Promise.all([connect(storeId, USERS[0]), connect(storeId, USERS[1])])

  const received = new Map() // seqNum -> time the reader got it
  let notify = () => {}
  reader.addEventListener('message', (event) => {
    const frame = JSON.parse(String(event.data))
    if (frame._tag !== 'Chunk') return
    reader.send(JSON.stringify({ _tag: 'Ack', requestId: frame.requestId }))
    for (const value of frame.values)
      for (const item of value.batch) received.set(item.eventEncoded.seqNum, performance.now())
    notify()
  })
  reader.send(
    JSON.stringify({
      _tag: 'Request',
      id: '1',
      tag: 'SyncWsRpc.Pull',
      payload: { storeId, cursor: { _tag: 'None' }, live: true },
      headers: [],
    }),
  )
  await new Promise((r) => setTimeout(r, 500))

  const latencies = []
  for (let seqNum = 1; seqNum <= EVENTS; seqNum++) {
    const event = {
      ...fixtures.itemEvent({ id: `bench-${seqNum}`, text: `item ${seqNum}`, userId: USERS[0], at: Date.now() }),
      seqNum,
      parentSeqNum: seqNum - 1,
      clientId: 'bench',
      sessionId: 'bench-session',
    }
    const sentAt = performance.now()
    writer.send(
      JSON.stringify({
        _tag: 'Request',
        id: String(seqNum),
        tag: 'SyncWsRpc.Push',
        payload: { storeId, batch: [event], backendId: { _tag: 'None' } },
        headers: [],
      }),
    )
    while (!received.has(seqNum))
      await new Promise((r) => {
        notify = r
        setTimeout(r, 1000)
      })
    latencies.push(received.get(seqNum) - sentAt)
  }
  writer.close()
  reader.close()

  const sorted = [...latencies].sort((a, b) => a - b)
  const round = (ms) => Math.round(ms * 100) / 100
  console.log(
    JSON.stringify({
      benchmark: 'sync push to broadcast (workerd, D1 storage, push validation)',
      events: EVENTS,
      mean_ms: round(latencies.reduce((a, b) => a + b, 0) / latencies.length),
      p50_ms: round(percentile(sorted, 50)),
      p95_ms: round(percentile(sorted, 95)),
      max_ms: round(sorted.at(-1)),
      node: process.version,
    }),
  )
} finally {
  stop()
}
