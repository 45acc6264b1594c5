// What `npm run dev`, `npm run preview` and the e2e tests need before a server starts:
// a .dev.vars with random secrets, and the local D1 database migrated.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { offlineEnv } from './offline-env.mjs'

export const root = fileURLToPath(new URL('..', import.meta.url))
export const bin = (name) => join(root, 'node_modules', '.bin', name)

/** Creates .dev.vars from .dev.vars.example, empty values filled with random secrets; never overwrites it. */
export const ensureDevVars = () => {
  const path = join(root, '.dev.vars')
  if (existsSync(path)) return
  const example = readFileSync(join(root, '.dev.vars.example'), 'utf8')
  const filled = example.replace(
    /^([A-Z0-9_]+)=$/gm,
    (_line, name) => `${name}=${randomBytes(32).toString('base64url')}`,
  )
  writeFileSync(path, filled, { mode: 0o600 })
  console.log('[setup] created .dev.vars with random secrets')
}

/** Applies migrations/ to the local D1 database (the state under `persistTo`, default .wrangler/state). */
export const migrateLocalD1 = (persistTo, { quiet = false } = {}) => {
  const args = ['d1', 'migrations', 'apply', 'DB', '--local']
  if (persistTo !== undefined) args.push('--persist-to', persistTo)
  const stdio = ['ignore', quiet ? 'ignore' : 'inherit', 'inherit']
  execFileSync(bin('wrangler'), args, { cwd: root, stdio, env: offlineEnv({ CI: 'true' }) })
}
