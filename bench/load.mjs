// `npm run load`: a load and soak run of the sync protocol against the preview build (the OpenNext
// Worker on workerd, what `npm run preview` serves). Builds once (unless --skip-build), seeds workspaces
// into a fresh local D1 state, starts the preview on its own ports, runs bench/load/sync-load.mjs and
// prints ONE JSON object on stdout (logs go to stderr). Stops the server it started, always.
// Exits 1 when a message was lost or duplicated (or nothing was pushed at all).
//   --clients N (50)  --workspaces N (10)  --duration S (60)  --rate MSG/S per client (1)  --drain S (15)
//   --port N (8797)  --inspector-port N (9237)  --state-dir DIR (.wrangler/load-state)  --skip-build
// Each flag also reads LOAD_<NAME> from the environment (LOAD_SKIP_BUILD=1, LOAD_CLIENTS=100, …).
import { execFileSync, spawn } from 'node:child_process'
import { openSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

import { bin, ensureDevVars, migrateLocalD1, root } from '../scripts/local-setup.mjs'
import { offlineEnv } from '../scripts/offline-env.mjs'
import { planWorkspaces, seedWorkspaces } from './load/seed.mjs'
import { runSyncLoad } from './load/sync-load.mjs'

const log = (line) => console.error(`[load] ${line}`)
const env = (name) => process.env[`LOAD_${name.toUpperCase().replaceAll('-', '_')}`]
const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: env('clients') ?? '50' },
    workspaces: { type: 'string', default: env('workspaces') ?? '10' },
    duration: { type: 'string', default: env('duration') ?? '60' },
    rate: { type: 'string', default: env('rate') ?? '1' },
    drain: { type: 'string', default: env('drain') ?? '15' },
    port: { type: 'string', default: env('port') ?? '8797' },
    'inspector-port': { type: 'string', default: env('inspector-port') ?? '9237' },
    'state-dir': { type: 'string', default: env('state-dir') ?? '.wrangler/load-state' },
    'skip-build': { type: 'boolean', default: ['1', 'true'].includes(env('skip-build') ?? '') },
  },
})

const positive = (name, { integer = false } = {}) => {
  const value = Number(values[name])
  if (!(value > 0) || (integer && !Number.isInteger(value))) throw new Error(`--${name} must be a positive number`)
  return value
}
const clients = positive('clients', { integer: true })
const workspaceCount = positive('workspaces', { integer: true })
const durationS = positive('duration')
const rate = positive('rate')
const drainS = positive('drain')
if (clients % workspaceCount !== 0) throw new Error('--clients must be a multiple of --workspaces')
const clientsPerWorkspace = clients / workspaceCount
const baseUrl = `http://127.0.0.1:${values.port}`
const stateDir = values['state-dir']
const serverLog = resolve(root, `${stateDir.replace(/\/$/, '')}.log`)

/** The secret the preview signs and verifies sync tokens with (wrangler dev reads .dev.vars). */
const readSecret = () => {
  const match = readFileSync(join(root, '.dev.vars'), 'utf8').match(/^BETTER_AUTH_SECRET=(.+)$/m)
  if (match === null) throw new Error('.dev.vars has no BETTER_AUTH_SECRET')
  return match[1].trim()
}

/** Every process of the server's group (preview.mjs, wrangler, workerd), from ps. */
const groupProcesses = (pgid) =>
  execFileSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, group]) => group === String(pgid) && pid !== undefined)
    .map(([pid, , ...args]) => `${pid} ${args.join(' ').slice(0, 120)}`)

/**
 * CPU seconds used so far by the server's workerd processes and by its Node processes (wrangler, which
 * also turns workerd's log output into terminal lines). Linux /proc only; elsewhere empty.
 */
const serverCpuSeconds = (pgid) => {
  const totals = { workerd: 0, wrangler: 0 }
  try {
    for (const line of groupProcesses(pgid)) {
      const pid = line.split(' ')[0]
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const seconds = (Number(fields[11]) + Number(fields[12])) / 100 // utime + stime, in USER_HZ ticks
      totals[line.includes('workerd') ? 'workerd' : 'wrangler'] += seconds
    }
  } catch {}
  return totals
}

const startServer = () => {
  const out = openSync(serverLog, 'w')
  // Its own process group, so stopping it reaches wrangler and workerd too.
  const server = spawn(
    process.execPath,
    [
      'scripts/preview.mjs',
      '--skip-build',
      '--port',
      values.port,
      '--inspector-port',
      values['inspector-port'],
      '--persist-to',
      stateDir,
    ],
    { cwd: root, env: offlineEnv(), stdio: ['ignore', out, out], detached: true },
  )
  return server
}

const stopServer = async (server) => {
  if (server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((done) => server.once('exit', done))
    try {
      process.kill(-server.pid, 'SIGTERM')
    } catch {}
    await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))])
  }
  // preview.mjs waits for wrangler, which waits for workerd; anything still there is killed outright.
  for (let i = 0; i < 20 && groupProcesses(server.pid).length > 0; i++) {
    if (i === 10) {
      try {
        process.kill(-server.pid, 'SIGKILL')
      } catch {}
    }
    await new Promise((done) => setTimeout(done, 250))
  }
  return groupProcesses(server.pid)
}

const waitForServer = async (server, timeoutMs) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the preview server exited early; see ${serverLog}`)
    try {
      // Any HTTP answer from /sync means the Worker is up (426: not a WebSocket upgrade).
      await fetch(`${baseUrl}/sync?storeId=ws_warmup&transport=ws`, { signal: AbortSignal.timeout(10_000) })
      return
    } catch {}
    await new Promise((done) => setTimeout(done, 500))
  }
  throw new Error(`the preview server did not answer within ${timeoutMs / 1000} s; see ${serverLog}`)
}

const count = (text, needle) => text.split(needle).length - 1
const errorLines = (text) => text.split('\n').filter((line) => line.includes('ServerAheadError: {')).length

ensureDevVars()
const secret = readSecret()
if (!values['skip-build']) {
  log('building the OpenNext Worker (skip with --skip-build)')
  execFileSync(bin('opennextjs-cloudflare'), ['build'], { cwd: root, stdio: ['ignore', 2, 2], env: offlineEnv() })
}

// A fresh state, migrated and seeded before the server opens it.
rmSync(resolve(root, stateDir), { recursive: true, force: true })
migrateLocalD1(stateDir, { quiet: true })
const plan = planWorkspaces({
  prefix: `load${Date.now().toString(36)}`,
  workspaces: workspaceCount,
  membersPerWorkspace: clientsPerWorkspace,
})
seedWorkspaces(stateDir, plan)
log(`seeded ${workspaceCount} workspaces × ${clientsPerWorkspace} members into ${stateDir}`)

const server = startServer()
let exitCode = 2
// Bounded whatever happens: server start, run, drain, verification and shutdown.
const watchdog = setTimeout(
  () => {
    log('watchdog: the run took too long; stopping the server')
    stopServer(server).finally(() => process.exit(3))
  },
  (durationS + drainS + 240) * 1000,
)
watchdog.unref()
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => stopServer(server).finally(() => process.exit(130)))
}

try {
  const startedAt = Date.now()
  await waitForServer(server, 120_000)
  const startupS = (Date.now() - startedAt) / 1000
  log(`preview up at ${baseUrl} after ${startupS} s (log: ${serverLog})`)
  const logBefore = readFileSync(serverLog, 'utf8')
  const cpuBefore = serverCpuSeconds(server.pid)

  const result = await runSyncLoad({
    baseUrl,
    secret,
    workspaces: plan,
    clientsPerWorkspace,
    durationMs: durationS * 1000,
    messagesPerSecond: rate,
    drainMs: drainS * 1000,
    log,
  })

  const logAfter = readFileSync(serverLog, 'utf8')
  const cpuAfter = serverCpuSeconds(server.pid)
  const leftovers = await stopServer(server)
  const output = {
    ...result,
    server: {
      startupS,
      // wrangler dev watches the sources: an edit or a rebuild in the tree reloads the Worker, dropping sockets.
      reloadsDuringRun: count(logAfter, 'Reloading local server') - count(logBefore, 'Reloading local server'),
      // sync-cf logs each ServerAheadError with a stack trace, and wrangler dev source-maps every such line
      // against the whole bundle: that work lands on wrangler's CPU (see serverCpuS.wrangler).
      serverAheadErrorsLogged: errorLines(logAfter) - errorLines(logBefore),
      serverCpuS: {
        workerd: Math.round((cpuAfter.workerd - cpuBefore.workerd) * 10) / 10,
        wrangler: Math.round((cpuAfter.wrangler - cpuBefore.wrangler) * 10) / 10,
      },
      leftoverProcesses: leftovers,
    },
  }
  console.log(JSON.stringify(output, null, 2))
  exitCode = result.lost > 0 || result.duplicated > 0 || result.pushed === 0 ? 1 : 0
} catch (error) {
  log(`failed: ${error instanceof Error ? error.stack : error}`)
} finally {
  const leftovers = await stopServer(server)
  if (leftovers.length > 0) log(`processes left behind: ${leftovers.join('; ')}`)
  clearTimeout(watchdog)
}
process.exit(exitCode)
