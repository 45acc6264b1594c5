// `npm run dev`: the whole app locally, sync included.
// Next's dev server serves pages with the Cloudflare bindings (local D1) but cannot run worker.ts, so
// the sync route and its Durable Object run beside it in `wrangler dev`, on the same local D1 state.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

import { bin, ensureDevVars, migrateLocalD1, root } from './local-setup.mjs'
import { offlineEnv } from './offline-env.mjs'
import { runTogether } from './processes.mjs'

const port = process.env.PORT ?? '3000'
const syncPort = process.env.SYNC_PORT ?? '8787'
// For tests: another local state than .wrangler/state, and a bind address (Next binds every interface).
const stateDir = process.env.DEV_STATE_DIR
const hostname = process.env.DEV_HOSTNAME

ensureDevVars()
migrateLocalD1(stateDir)
// wrangler.toml names OpenNext's assets folder, which exists only after a build; the sync worker serves
// no assets, so an empty folder is enough for wrangler to start.
mkdirSync(join(root, '.open-next', 'assets'), { recursive: true })

console.log(`[dev] app on http://localhost:${port}, sync on ws://127.0.0.1:${syncPort}/sync`)
runTogether([
  {
    command: bin('wrangler'),
    args: [
      'dev',
      'lib/sync/standalone-worker.ts',
      '--ip',
      '127.0.0.1',
      '--port',
      syncPort,
      '--inspector-port',
      '9230',
      '--show-interactive-dev-session=false',
      ...(stateDir === undefined ? [] : ['--persist-to', stateDir]),
    ],
    env: offlineEnv(),
    cwd: root,
  },
  {
    command: bin('next'),
    args: ['dev', '--port', port, ...(hostname === undefined ? [] : ['--hostname', hostname])],
    env: offlineEnv({ NEXT_PUBLIC_SYNC_URL: `ws://127.0.0.1:${syncPort}/sync` }),
    cwd: root,
  },
])
