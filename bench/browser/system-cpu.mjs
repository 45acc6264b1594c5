// CPU time every process on the machine spent while a measurement ran, by kind (Linux: /proc; elsewhere null).
// A task's wall time beyond its thread time is the thread waiting for a core: this says who had the cores.
import { listProc, readProc } from './proc.mjs'

const TICK_MS = 10 // USER_HZ is 100 on Linux

/** Where a thread's time goes in the summary: the browsers' threads by role, the server, this process, the rest. */
const kindOf = (pid, cmdline, threadName) => {
  if (pid === String(process.pid)) return 'benchmark'
  const program = cmdline.split('\0')[0] ?? ''
  if (/chrom/i.test(program)) {
    const type = /--type=([a-z-]+)/.exec(cmdline)?.[1] ?? 'browser'
    if (type !== 'renderer') return 'browsers: browser, GPU and utility processes'
    if (threadName.startsWith('DedicatedWorker') || threadName.startsWith('SharedWorker'))
      return "browsers: LiveStore's leader and shared workers"
    if (threadName.startsWith('ThreadPool')) return "browsers: renderers' thread pools (V8's compilers and GC)"
    if (threadName === 'chromium' || threadName === 'chrome' || threadName === 'CrRendererMain')
      return 'browsers: pages (main threads)'
    return 'browsers: renderers, other threads (compositor, raster, IO)'
  }
  if (/workerd|esbuild|wrangler/.test(cmdline)) return 'server (workerd, wrangler)'
  return 'other'
}

const snapshot = () => {
  const threads = new Map()
  for (const pid of listProc('/proc').filter((name) => /^\d+$/.test(name))) {
    const cmdline = readProc(`/proc/${pid}/cmdline`)
    if (cmdline === null) continue
    for (const tid of listProc(`/proc/${pid}/task`)) {
      const stat = readProc(`/proc/${pid}/task/${tid}/stat`)
      if (stat === null) continue
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      // utime and stime (fields 14 and 15 of stat; 12 and 13 after the name)
      threads.set(`${pid}/${tid}`, { kind: kindOf(pid, cmdline, name), ticks: Number(fields[11]) + Number(fields[12]) })
    }
  }
  return threads
}

/**
 * Runs `run` and reports the CPU time each kind of thread on the machine used meanwhile, per `per` (e.g. per
 * send), in ms, with the wall time the run took. Null where /proc is not there to read.
 */
export const systemCpuDuring = async (run, per) => {
  if (process.platform !== 'linux') return { result: await run(), cpu: null }
  const before = snapshot()
  const startedAt = performance.now()
  const result = await run()
  const wallMs = performance.now() - startedAt
  const byKind = {}
  for (const [key, thread] of snapshot()) {
    const ticks = thread.ticks - (before.get(key)?.ticks ?? 0)
    if (ticks > 0) byKind[thread.kind] = (byKind[thread.kind] ?? 0) + ticks * TICK_MS
  }
  const perUnit = (ms) => Math.round(ms / per)
  const sorted = Object.entries(byKind).sort((a, b) => b[1] - a[1])
  return {
    result,
    cpu: {
      wallMs: perUnit(wallMs),
      totalMs: perUnit(sorted.reduce((sum, [, ms]) => sum + ms, 0)),
      byKindMs: Object.fromEntries(sorted.map(([kind, ms]) => [kind, perUnit(ms)])),
    },
  }
}

/** The median of five timed runs of `work`, in ms. */
const medianMs = (work) => {
  const runs = []
  for (let run = 0; run < 5; run++) {
    const startedAt = performance.now()
    work()
    runs.push(performance.now() - startedAt)
  }
  return Math.round(runs.sort((a, b) => a - b)[2])
}

/**
 * The host's speed at the time of a run, in ms of two fixed single-thread workloads (lower is faster): `compute`
 * (hashing and sorting, in the caches) and `memory` (random reads over 256 MiB, what a browser's or V8's large
 * working set meets). This host is shared and its speed varies by the hour; comparing runs needs these.
 */
export const calibrationMs = () => {
  const { createHash } = process.getBuiltinModule('node:crypto')
  const block = new Uint8Array(1 << 20).fill(7)
  const compute = medianMs(() => {
    const hash = createHash('sha256')
    for (let i = 0; i < 32; i++) hash.update(block)
    hash.digest()
    let seed = 1
    const numbers = Float64Array.from({ length: 300_000 }, () => {
      seed = (seed * 16807) % 2147483647
      return seed
    })
    numbers.sort()
  })
  const words = new Uint32Array(64 << 20)
  for (let i = 0; i < words.length; i++) words[i] = i
  let sink = 0
  const memory = medianMs(() => {
    let x = 1
    for (let i = 0; i < 4_000_000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0
      sink += words[x & (words.length - 1)]
    }
  })
  if (sink === -1) throw new Error('unreachable') // keeps the reads from being optimized away
  return { compute, memory }
}
