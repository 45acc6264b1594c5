// Workspaces with members for a load run, written straight into better-auth's tables in a local D1
// state (the sync route only reads organization and member). One `wrangler d1 execute --file`, so any
// number of rows costs one wrangler start.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { bin, root } from '../../scripts/local-setup.mjs'
import { offlineEnv } from '../../scripts/offline-env.mjs'

/** The workspaces' and users' ids for a run: `prefix` keeps runs in a shared state apart. */
export const planWorkspaces = ({ prefix, workspaces, membersPerWorkspace }) =>
  Array.from({ length: workspaces }, (_, w) => ({
    workspaceId: `${prefix}-w${w}`,
    userIds: Array.from({ length: membersPerWorkspace }, (_, u) => `${prefix}-w${w}-u${u}`),
  }))

const quote = (value) => `'${String(value).replaceAll("'", "''")}'`

/** Inserts the planned workspaces into the D1 state under `persistTo` (relative to the repository). */
export const seedWorkspaces = (persistTo, plan) => {
  const now = new Date().toISOString()
  const rows = plan.flatMap(({ workspaceId, userIds }) => [
    `INSERT INTO organization (id, name, slug, createdAt) VALUES (${quote(workspaceId)}, 'Load', ${quote(workspaceId)}, ${quote(now)});`,
    ...userIds.flatMap((userId) => [
      `INSERT INTO user (id, name, email, emailVerified, createdAt, updatedAt) VALUES (${quote(userId)}, ${quote(userId)}, ${quote(`${userId}@example.test`)}, 1, ${quote(now)}, ${quote(now)});`,
      `INSERT INTO member (id, organizationId, userId, role, createdAt) VALUES (${quote(`m-${userId}`)}, ${quote(workspaceId)}, ${quote(userId)}, 'member', ${quote(now)});`,
    ]),
  ])
  const dir = mkdtempSync(join(tmpdir(), 'sync-load-seed-'))
  const file = join(dir, 'seed.sql')
  writeFileSync(file, `${rows.join('\n')}\n`)
  try {
    execFileSync(
      bin('wrangler'),
      ['d1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--file', file, '--yes'],
      {
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: offlineEnv({ CI: 'true' }),
      },
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
