// `npm run preview`: the OpenNext build of the app served by workerd (wrangler dev on worker.ts),
// exactly as it runs on Cloudflare. Options: --port N, --persist-to DIR (a separate local state),
// --skip-build (serve the existing .open-next build), --fresh-state (empty the persist dir first),
// --sync-token-ttl SECONDS (short-lived sync tokens, so renewal shows within a test run),
// --inspector-port N (default 9231; two servers at once, e.g. e2e and `npm run load`, need two).
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'

import { buildWorker } from './build-worker.mjs'
import { bin, ensureDevVars, migrateLocalD1, root } from './local-setup.mjs'
import { offlineEnv } from './offline-env.mjs'
import { runTogether } from './processes.mjs'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8788' },
    'persist-to': { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    'fresh-state': { type: 'boolean', default: false },
    'sync-token-ttl': { type: 'string' },
    'inspector-port': { type: 'string', default: '9231' },
  },
})

ensureDevVars()
if (!values['skip-build']) buildWorker()
if (values['fresh-state']) {
  if (values['persist-to'] === undefined)
    throw new Error('--fresh-state needs --persist-to (it never empties the dev state)')
  rmSync(resolve(root, values['persist-to']), { recursive: true, force: true })
}
migrateLocalD1(values['persist-to'])

const persist = values['persist-to'] === undefined ? [] : ['--persist-to', values['persist-to']]
const ttl =
  values['sync-token-ttl'] === undefined ? [] : ['--var', `SYNC_TOKEN_TTL_SECONDS:${values['sync-token-ttl']}`]
console.log(`[preview] http://127.0.0.1:${values.port}`)
runTogether([
  {
    command: bin('wrangler'),
    args: [
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      values.port,
      '--inspector-port',
      values['inspector-port'],
      '--show-interactive-dev-session=false',
      // A local preview has no email provider: keep the dev mailbox (/dev/mailbox) on.
      '--var',
      'DEV_MAILBOX:true',
      ...persist,
      ...ttl,
    ],
    env: offlineEnv(),
    cwd: root,
  },
])
