// Ann's browser at the front of this machine's cores, as on her own computer. The benchmark runs the server and
// Bob's browser on the same small machine as Ann's: in life they run on other machines, and here they take the
// cores from Ann's page (perf sched: in a send's 54 ms task her main thread ran 5 ms and waited 48 ms for a core
// while Bob's browser and the server had both). While `run` runs, the benchmark's other processes drop to the
// lowest priority and get theirs back after; Ann's own threads (her leader, V8's compilers) still compete.
import { writeFileSync } from 'node:fs'
import { getPriority, setPriority } from 'node:os'

import { listProc, readProc } from './proc.mjs'

const LOWEST = 19

/** Every process: its parent and whether it is a Chromium child process (a renderer, a zygote, the GPU). */
const processTable = () => {
  const table = new Map()
  for (const pid of listProc('/proc').filter((name) => /^\d+$/.test(name))) {
    const stat = readProc(`/proc/${pid}/stat`)
    const cmdline = readProc(`/proc/${pid}/cmdline`)
    if (stat === null || cmdline === null) continue
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    table.set(Number(pid), { ppid, chromiumChild: cmdline.includes('--type=') })
  }
  return table
}

const descendantsOf = (table, root) => {
  const found = new Set([root])
  for (let grew = true; grew; ) {
    grew = false
    for (const [pid, { ppid }] of table)
      if (found.has(ppid) && !found.has(pid)) {
        found.add(pid)
        grew = true
      }
  }
  return found
}

/** Linux's scheduler shares the cores between sessions (autogroups) first: a nice value acts within one. */
const autogroupOf = (pid) => {
  const line = readProc(`/proc/${pid}/autogroup`) // "/autogroup-123 nice 0"
  const match = line && /^(\S+) nice (-?\d+)/.exec(line)
  return match ? { group: match[1], nice: Number(match[2]) } : null
}

const lowerAutogroups = (ann, others) => {
  const keep = new Set([...ann, process.pid].map((pid) => autogroupOf(pid)?.group))
  const lowered = new Map()
  for (const pid of others) {
    const current = autogroupOf(pid)
    if (current === null || keep.has(current.group) || lowered.has(current.group)) continue
    try {
      writeFileSync(`/proc/${pid}/autogroup`, String(LOWEST))
      lowered.set(current.group, { pid, nice: current.nice })
    } catch {
      // not ours to change: left as it is
    }
  }
  return {
    count: lowered.size,
    restore: () => {
      for (const { pid, nice } of lowered.values()) {
        try {
          writeFileSync(`/proc/${pid}/autogroup`, String(nice))
        } catch {
          // the group's process ended: so did the group
        }
      }
    },
  }
}

const lowerThreads = (others) => {
  const lowered = []
  for (const pid of others)
    for (const tid of listProc(`/proc/${pid}/task`).map(Number)) {
      try {
        const nice = getPriority(tid)
        setPriority(tid, LOWEST)
        lowered.push({ tid, nice })
      } catch {
        // ended meanwhile, or not ours to change
      }
    }
  return {
    count: lowered.length,
    restore: () => {
      for (const { tid, nice } of lowered) {
        try {
          setPriority(tid, nice)
        } catch {
          // the thread ended
        }
      }
    },
  }
}

/**
 * Runs `run` with every process this benchmark started, except the browser that hosts the renderer
 * `rendererPid`, at the lowest priority. Returns run's result and how the others were lowered: 'autogroup'
 * (their sessions' scheduling groups), 'threads' (each thread's nice value, where autogroups are off), or null
 * (not Linux, or the renderer is not one of this process's descendants: nothing was changed).
 */
export const withOthersInBackground = async (rendererPid, run) => {
  if (process.platform !== 'linux') return { result: await run(), othersLowered: null }
  const table = processTable()
  let browser = rendererPid
  while (table.get(browser)?.chromiumChild) browser = table.get(browser).ppid
  const mine = descendantsOf(table, process.pid)
  if (!table.has(browser) || !mine.has(browser)) return { result: await run(), othersLowered: null }
  const ann = descendantsOf(table, browser)
  const others = [...mine].filter((pid) => pid !== process.pid && !ann.has(pid))
  let lowered = null
  let how = null
  if (readProc('/proc/sys/kernel/sched_autogroup_enabled')?.trim() === '1') {
    lowered = lowerAutogroups(ann, others)
    how = 'autogroup'
  }
  if (lowered === null || lowered.count === 0) {
    lowered?.restore()
    lowered = lowerThreads(others)
    how = 'threads'
  }
  try {
    return { result: await run(), othersLowered: lowered.count > 0 ? how : null }
  } finally {
    lowered.restore()
  }
}
