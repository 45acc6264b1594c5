// Environment shared by every script: no telemetry, no update checks, no Request.cf lookup.
// Used as a module (offlineEnv) and as a command prefix: `node scripts/offline-env.mjs <command…>`.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const offlineEnv = (extra = {}) => ({
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_LOG_SANITIZE: 'true',
  NO_UPDATE_NOTIFIER: '1',
  ...extra,
})

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, ...args] = process.argv.slice(2)
  if (command === undefined) {
    console.error('usage: node scripts/offline-env.mjs <command> [args…]')
    process.exit(2)
  }
  const child = spawn(command, args, { stdio: 'inherit', env: offlineEnv(), shell: process.platform === 'win32' })
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}
