// LiveStore patch 18 (scripts/patch-livestore.mjs): the leader's databases keep a persistent journal
// (`<db>-journal`) beside them. When a schema change leaves a state database behind, LiveStore deletes that
// database's file at the next boot; its journal must go too, or each one would hold a file of the OPFS pool
// (20) for good. LiveStore's own cleanup runs here against a stand-in for the pool: it only lists the pool's
// paths and deletes through the VFS.
import { Effect } from '@livestore/utils/effect'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'

import { schema } from '@/lib/livestore/schema'

// Not in the package's exports: the leader worker's own module, as the app's bundle loads it.
import {
  cleanupOldStateDbFiles,
  getStateDbFileName,
} from '../../node_modules/@livestore/adapter-web/dist/web-worker/common/persisted-sqlite.js'

// A development environment would also archive old databases through OPFS, which Node lacks.
beforeEach(() => {
  vi.stubEnv('NODE_ENV', 'production')
})
afterEach(() => {
  vi.unstubAllEnvs()
})

type Vfs = Parameters<typeof cleanupOldStateDbFiles>[0]['vfs']
const cleanUp = (vfs: Vfs) =>
  Effect.runPromise(
    cleanupOldStateDbFiles({ vfs, currentSchema: schema, opfsDirectory: 'livestore-test' }) as Effect.Effect<void>,
  )

const pool = (paths: string[]) => {
  const files = new Set(paths)
  return {
    files,
    vfs: {
      getTrackedFilePaths: () => [...files],
      jDelete: (name: string) => (files.delete(`/${name}`) ? 0 : 1),
    } as unknown as Vfs,
  }
}

test('an old state database is deleted with its journal; the current ones and the eventlog stay', async () => {
  const current = `/${getStateDbFileName(schema)}`
  const { files, vfs } = pool([
    current,
    `${current}-journal`,
    '/state123.db',
    '/state123.db-journal',
    // A journal whose database a cleanup before this patch already deleted.
    '/state456.db-journal',
    '/eventlog.db',
    '/eventlog.db-journal',
  ])
  await cleanUp(vfs)
  expect([...files].sort()).toEqual([current, `${current}-journal`, '/eventlog.db', '/eventlog.db-journal'].sort())
})

test('nothing old: nothing is deleted', async () => {
  const current = `/${getStateDbFileName(schema)}`
  const paths = [current, `${current}-journal`, '/eventlog.db', '/eventlog.db-journal']
  const { files, vfs } = pool(paths)
  await cleanUp(vfs)
  expect([...files].sort()).toEqual([...paths].sort())
})
