// Servers a test starts and kills itself, on 127.0.0.1 only. A preview server (the OpenNext build on
// workerd, scripts/preview.mjs) can be killed and started again on the same local state: what a crash,
// a restart or a deploy does to open sockets; it serves the build the suite's own web server has just
// made (--skip-build). A dev server is `npm run dev` as a developer runs it.
import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..', '..')

export type PreviewServer = {
  baseURL: string
  /** Kills the server and everything it started at once (SIGKILL to its process group), like a crash. */
  kill(): Promise<void>
  /** Starts it again on the same state; resolves when it answers. */
  start(): Promise<void>
}

const answers = async (url: string) => {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).status < 500
  } catch {
    return false
  }
}

/** A server run by `node <args>` in its own process group, answering on `baseURL`. */
const managedServer = ({
  baseURL,
  logName,
  args,
  env,
  startTimeoutMs = 120_000,
}: {
  baseURL: string
  logName: string
  args: (first: boolean) => string[]
  env?: Record<string, string>
  startTimeoutMs?: number
}): PreviewServer => {
  mkdirSync(join(root, 'test-results'), { recursive: true })
  const log = createWriteStream(join(root, 'test-results', `${logName}.log`), { flags: 'a' })
  let child: ChildProcess | undefined
  let first = true

  const start = async () => {
    // Its own process group, so that kill() reaches wrangler, workerd and Next too.
    child = spawn(process.execPath, args(first), {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    })
    first = false
    child.stdout?.pipe(log, { end: false })
    child.stderr?.pipe(log, { end: false })
    const deadline = Date.now() + startTimeoutMs
    while (!(await answers(`${baseURL}/sign-in`))) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}); see ${log.path}`)
      if (Date.now() > deadline) throw new Error(`server did not answer on ${baseURL}; see ${log.path}`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }

  const kill = async () => {
    const running = child
    // Already gone (exited, or killed by an earlier call: then it has a signal, not an exit code).
    if (running?.pid === undefined || running.exitCode !== null || running.signalCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    process.kill(-running.pid, 'SIGKILL')
    await exited
    // The port is free once nothing answers on it any more.
    while (await answers(`${baseURL}/sign-in`)) await new Promise((resolve) => setTimeout(resolve, 100))
  }

  return { baseURL, start, kill }
}

export const previewServer = ({
  port,
  inspectorPort,
  persistTo,
  syncTokenTtlSeconds,
}: {
  port: number
  inspectorPort: number
  persistTo: string
  syncTokenTtlSeconds: number
}): PreviewServer =>
  managedServer({
    baseURL: `http://127.0.0.1:${port}`,
    logName: `preview-${port}`,
    args: (first) => [
      'scripts/preview.mjs',
      '--skip-build',
      '--port',
      String(port),
      '--inspector-port',
      String(inspectorPort),
      '--persist-to',
      persistTo,
      '--sync-token-ttl',
      String(syncTokenTtlSeconds),
      ...(first ? ['--fresh-state'] : []),
    ],
  })

/** `npm run dev` (scripts/dev.mjs: next dev and the sync worker) on 127.0.0.1, on its own local state. */
export const devServer = ({ port, syncPort, stateDir }: { port: number; syncPort: number; stateDir: string }) => {
  rmSync(join(root, stateDir), { recursive: true, force: true })
  return managedServer({
    baseURL: `http://127.0.0.1:${port}`,
    logName: `dev-${port}`,
    args: () => ['scripts/dev.mjs'],
    env: { PORT: String(port), SYNC_PORT: String(syncPort), DEV_STATE_DIR: stateDir, DEV_HOSTNAME: '127.0.0.1' },
    // next dev compiles the first page on request.
    startTimeoutMs: 240_000,
  })
}
