// Push-to-broadcast latency through the real sync stack: wrangler dev (workerd) running the /sync route
// and its Durable Object on a throwaway local D1. One client pushes events one at a time; a second,
// live-pulling client receives each broadcast. Prints one JSON object. Run by hand: `npm run bench`.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { bin, migrateLocalD1, root } from '../scripts/local-setup.mjs'
import { offlineEnv } from '../scripts/offline-env.mjs'

const EVENTS = Number(process.env.BENCH_EVENTS ?? 200)
const PORT = process.env.BENCH_PORT ?? '8795'
const state = mkdtempSync(join(tmpdir(), 'sync-bench-'))

migrateLocalD1(state, { quiet: true }) // stdout carries the JSON result only
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

const connect = (storeId) =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${PORT}/sync?storeId=${storeId}&transport=ws`)
    ws.addEventListener('open', () => resolve(ws))
    ws.addEventListener('error', reject)
  })

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

try {
  await waitForServer()
  const storeId = `bench_${Date.now().toString(36)}`
  const [writer, reader] = await Promise.all([connect(storeId), connect(storeId)])

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
      name: 'v1.ItemAdded',
      args: { id: `bench-${seqNum}`, text: `item ${seqNum}`, createdAt: new Date().toISOString() },
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
      benchmark: 'sync push to broadcast (workerd, D1 storage)',
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
