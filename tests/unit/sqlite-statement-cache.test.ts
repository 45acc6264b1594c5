// sqlite-wasm's statements (bind values are keyed as in the SQL, `$id`, as LiveStore's callers pass them) ("statements are compiled once per connection", scripts/patch-livestore.mjs):
// the leader runs three statements per event it writes, each compiled again for every event before the
// patch (the first test fails then: 1,000 compilations). A kept statement must behave as a new one would:
// parameters not given are NULL, a failed run leaves it usable, a table recreated since is written as it
// is now, and texts beyond the cache's size still run.
import type { PreparedBindValues } from '@livestore/common'
import { loadSqlite3Wasm } from '@livestore/sqlite-wasm/load-wasm'
import { sqliteDbFactory } from '@livestore/sqlite-wasm/node'
import { Effect } from '@livestore/utils/effect'
import { PlatformNode } from '@livestore/utils/node'
import { beforeAll, expect, test } from 'vitest'

type Sqlite3 = Awaited<ReturnType<typeof loadSqlite3Wasm>>

/** Bind values keyed as in the SQL (`$id`), as LiveStore's callers prepare them. */
const bind = (values: Record<string, string | number>) => values as unknown as PreparedBindValues

let sqlite3: Sqlite3
beforeAll(async () => {
  sqlite3 = await loadSqlite3Wasm()
})

/** An in-memory database whose SQL compilations (`sqlite3.statements` calls) are counted by text. */
const countingDb = () => {
  const compiled = new Map<string, number>()
  const counting: Sqlite3 = {
    ...sqlite3,
    statements: (db, sql, options) => {
      compiled.set(sql, (compiled.get(sql) ?? 0) + 1)
      return sqlite3.statements(db, sql, options)
    },
  }
  const db = Effect.gen(function* () {
    const makeSqliteDb = yield* sqliteDbFactory({ sqlite3: counting })
    return yield* makeSqliteDb({ _tag: 'in-memory' })
  }).pipe(Effect.provide(PlatformNode.NodeFileSystem.layer), Effect.runSync)
  return { db, compiled }
}

test('a statement run again and again is compiled once', () => {
  const { db, compiled } = countingDb()
  db.execute('CREATE TABLE messages (id INTEGER PRIMARY KEY, text TEXT)')
  const insert = 'INSERT INTO messages (id, text) VALUES ($id, $text)'
  for (let id = 1; id <= 1000; id++) db.execute(insert, bind({ $id: id, $text: `message ${id}` }))
  expect(compiled.get(insert)).toBe(1)
  expect(db.select('SELECT COUNT(*) AS n, MAX(text) AS last FROM messages')).toEqual([{ n: 1000, last: 'message 999' }])
  db.close()
})

test('a kept statement behaves as a new one', () => {
  const { db } = countingDb()
  db.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT)')
  const insert = 'INSERT INTO t (id, a, b) VALUES ($id, $a, $b)'
  db.execute(insert, bind({ $id: 1, $a: 'x', $b: 'y' }))
  // A parameter not given this time is NULL, not the previous run's value.
  db.execute(insert, bind({ $id: 2, $a: 'z' }))
  // A run that fails (the primary key is taken) leaves the statement reset and usable.
  expect(() => db.execute(insert, bind({ $id: 1, $a: 'dup', $b: 'dup' }))).toThrow()
  db.execute(insert, bind({ $id: 3, $a: 'p', $b: 'q' }))
  expect(db.select('SELECT id, a, b FROM t ORDER BY id')).toEqual([
    { id: 1, a: 'x', b: 'y' },
    { id: 2, a: 'z', b: null },
    { id: 3, a: 'p', b: 'q' },
  ])
  // The table recreated with its columns in another order: the kept statement writes the new table.
  db.execute('DROP TABLE t')
  db.execute('CREATE TABLE t (b TEXT, a TEXT, id INTEGER PRIMARY KEY)')
  db.execute(insert, bind({ $id: 4, $a: 'after', $b: 'recreate' }))
  expect(db.select('SELECT * FROM t')).toEqual([{ b: 'recreate', a: 'after', id: 4 }])
  db.close()
  expect(() => db.execute(insert, bind({ $id: 5, $a: 'closed', $b: 'closed' }))).toThrow()
})

test('more texts than the cache holds still run, each as often as asked', () => {
  const { db } = countingDb()
  db.execute('CREATE TABLE t (id INTEGER PRIMARY KEY)')
  for (let round = 0; round < 2; round++) {
    for (let id = 1; id <= 400; id++) db.execute(`INSERT OR REPLACE INTO t (id) VALUES (${id * 10 + round})`)
  }
  expect(db.select('SELECT COUNT(*) AS n FROM t')).toEqual([{ n: 800 }])
  db.close()
})
