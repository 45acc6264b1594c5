// Runs several long-lived commands together: if one stops, or we are told to stop, all stop.
// Children stay in our process group, so a supervisor that kills the group (Playwright's webServer,
// a terminal's Ctrl-C) reaches them too.
import { spawn } from 'node:child_process'

export const runTogether = (commands) => {
  const children = commands.map(({ command, args, env, cwd }) => spawn(command, args, { stdio: 'inherit', env, cwd }))
  let stopping = false
  const stopAll = (code) => {
    if (stopping) return
    stopping = true
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
    const exited = children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null))
    Promise.all(exited).then(() => process.exit(code))
    setTimeout(() => {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
      process.exit(code)
    }, 5000).unref()
  }
  for (const child of children) child.on('exit', (code) => stopAll(code ?? 1))
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopAll(0))
}
