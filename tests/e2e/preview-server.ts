// A preview server (the OpenNext build on workerd, scripts/preview.mjs) that a test starts, kills and
// starts again on the same local state: what a crash, a restart or a deploy does to open sockets.
// It serves the build the suite's own web server has just made (--skip-build), on 127.0.0.1 only.
import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream, mkdirSync } from 'node:fs'
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
}): PreviewServer => {
  const baseURL = `http://127.0.0.1:${port}`
  mkdirSync(join(root, 'test-results'), { recursive: true })
  const log = createWriteStream(join(root, 'test-results', `preview-${port}.log`), { flags: 'a' })
  let child: ChildProcess | undefined
  let fresh = true

  const start = async () => {
    const args = [
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
      ...(fresh ? ['--fresh-state'] : []),
    ]
    fresh = false
    // Its own process group, so that kill() reaches wrangler and workerd too.
    child = spawn(process.execPath, args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout?.pipe(log, { end: false })
    child.stderr?.pipe(log, { end: false })
    const deadline = Date.now() + 120_000
    while (!(await answers(`${baseURL}/sign-in`))) {
      if (child.exitCode !== null) throw new Error(`preview server exited (${child.exitCode}); see ${log.path}`)
      if (Date.now() > deadline) throw new Error(`preview server did not answer on ${baseURL}`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }

  const kill = async () => {
    const running = child
    if (running?.pid === undefined || running.exitCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    process.kill(-running.pid, 'SIGKILL')
    await exited
    // The port is free once nothing answers on it any more.
    while (await answers(`${baseURL}/sign-in`)) await new Promise((resolve) => setTimeout(resolve, 100))
  }

  return { baseURL, start, kill }
}
