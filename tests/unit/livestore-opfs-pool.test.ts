// The leader's OPFS file pool ("the OPFS pool's file operations are plain calls", scripts/patch-livestore.mjs):
// SQLite reads, writes, flushes, sizes and truncates its files through it, ~125 calls per message sent. They run
// without LiveStore's Effect runtime (unpatched, each call ran a fiber on it: the first test fails then) and keep
// their results: data behind the pool's 4,096-byte header, a short read zero-filled, and a failure as SQLite's
// I/O error for the call. The pool runs here on an in-memory stand-in for the browser's OPFS (Node has none).

import { Effect, type Runtime, Scope } from '@livestore/utils/effect'
import { Opfs } from '@livestore/utils/effect/browser'
import * as VFS from '@livestore/wa-sqlite/src/VFS.js'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { AccessHandlePoolVFS } from '../../node_modules/@livestore/sqlite-wasm/dist/browser/opfs/AccessHandlePoolVFS.js'

/** A FileSystemSyncAccessHandle over bytes in memory. */
class MemoryAccessHandle {
  bytes = new Uint8Array(0)
  flushes = 0
  fail: 'write' | 'short write' | 'flush' | null = null
  read(buffer: Uint8Array, { at }: { at: number }) {
    const count = Math.max(0, Math.min(buffer.byteLength, this.bytes.byteLength - at))
    buffer.set(this.bytes.subarray(at, at + count))
    return count
  }
  write(buffer: Uint8Array, { at }: { at: number }) {
    if (this.fail === 'write') throw new DOMException('The disk is full', 'QuotaExceededError')
    if (at + buffer.byteLength > this.bytes.byteLength) this.truncate(at + buffer.byteLength)
    const count = this.fail === 'short write' ? buffer.byteLength - 1 : buffer.byteLength
    this.bytes.set(buffer.subarray(0, count), at)
    return count
  }
  truncate(size: number) {
    const next = new Uint8Array(size)
    next.set(this.bytes.subarray(0, size))
    this.bytes = next
  }
  getSize() {
    return this.bytes.byteLength
  }
  flush() {
    if (this.fail === 'flush') throw new DOMException('I/O error', 'InvalidStateError')
    this.flushes++
  }
  close() {}
}

class MemoryFile {
  readonly kind = 'file'
  readonly handle = new MemoryAccessHandle()
  constructor(readonly name: string) {}
  async createSyncAccessHandle() {
    return this.handle
  }
}

class MemoryDirectory {
  readonly kind = 'directory'
  readonly entries = new Map<string, MemoryDirectory | MemoryFile>()
  constructor(readonly name: string) {}
  async getDirectoryHandle(name: string, options?: { create?: boolean }) {
    if (!this.entries.has(name) && options?.create === true) this.entries.set(name, new MemoryDirectory(name))
    const entry = this.entries.get(name)
    if (!(entry instanceof MemoryDirectory)) throw new DOMException(`${name} not found`, 'NotFoundError')
    return entry
  }
  async getFileHandle(name: string, options?: { create?: boolean }) {
    if (!this.entries.has(name) && options?.create === true) this.entries.set(name, new MemoryFile(name))
    const entry = this.entries.get(name)
    if (!(entry instanceof MemoryFile)) throw new DOMException(`${name} not found`, 'NotFoundError')
    return entry
  }
  async removeEntry(name: string) {
    this.entries.delete(name)
  }
  async *values() {
    yield* this.entries.values()
  }
}

const root = new MemoryDirectory('')
const hadStorage = Object.getOwnPropertyDescriptor(globalThis.navigator, 'storage')
beforeAll(() => {
  Object.defineProperty(globalThis.navigator, 'storage', {
    value: { getDirectory: async () => root },
    configurable: true,
  })
})
afterAll(() => {
  if (hadStorage === undefined) Reflect.deleteProperty(globalThis.navigator, 'storage')
  else Object.defineProperty(globalThis.navigator, 'storage', hadStorage)
})

/** A pool on the in-memory OPFS with one SQLite file open as id 1, and its access handle. */
const openPool = async (directoryPath: string) => {
  // What the leader gives the pool: the OPFS service, in a scope.
  const scope = await Effect.runPromise(Scope.make())
  const runtime = await Effect.runtime<Opfs.Opfs | Scope.Scope>().pipe(
    Effect.provide(Opfs.Opfs.Default),
    Effect.provideService(Scope.Scope, scope),
    Effect.runPromise,
  )
  // Counts every use of LiveStore's runtime by the pool.
  const uses = { count: 0 }
  const counted = new Proxy(runtime, {
    get(target, property, receiver) {
      uses.count++
      return Reflect.get(target, property, receiver)
    },
  }) as Runtime.Runtime<Opfs.Opfs | Scope.Scope>
  const pool = new AccessHandlePoolVFS({ name: directoryPath, directoryPath, module: {}, runtime: counted })
  await pool.isReady()
  const flags = VFS.SQLITE_OPEN_CREATE | VFS.SQLITE_OPEN_READWRITE | VFS.SQLITE_OPEN_MAIN_DB
  expect(pool.jOpen('/state.db', 1, flags, new DataView(new ArrayBuffer(4)))).toBe(VFS.SQLITE_OK)
  const directory = await root.getDirectoryHandle(directoryPath)
  // The file the pool chose carries the SQLite path in its header.
  const file = [...directory.entries.values()].find(
    (entry): entry is MemoryFile =>
      entry instanceof MemoryFile && new TextDecoder().decode(entry.handle.bytes.subarray(0, 9)) === '/state.db',
  )
  if (file === undefined) throw new Error('no pool file holds /state.db')
  uses.count = 0
  return { pool, handle: file.handle, uses }
}

test('reads, writes, flushes, sizes and truncates without the Effect runtime, behind the header', async () => {
  const { pool, handle, uses } = await openPool('pool-io')
  expect(pool.jWrite(1, new Uint8Array([1, 2, 3, 4]), 8192)).toBe(VFS.SQLITE_OK)
  expect([...handle.bytes.subarray(4096 + 8192, 4096 + 8196)]).toEqual([1, 2, 3, 4])

  const read = new Uint8Array(4)
  expect(pool.jRead(1, read, 8192)).toBe(VFS.SQLITE_OK)
  expect([...read]).toEqual([1, 2, 3, 4])
  // Past the end: what there is, then zeros, and SQLite is told the read was short.
  const short = new Uint8Array(6).fill(9)
  expect(pool.jRead(1, short, 8194)).toBe(VFS.SQLITE_IOERR_SHORT_READ)
  expect([...short]).toEqual([3, 4, 0, 0, 0, 0])

  const size = new DataView(new ArrayBuffer(8))
  expect(pool.jFileSize(1, size)).toBe(VFS.SQLITE_OK)
  expect(size.getBigInt64(0, true)).toBe(8196n)
  expect(pool.jTruncate(1, 8194)).toBe(VFS.SQLITE_OK)
  expect(pool.jFileSize(1, size)).toBe(VFS.SQLITE_OK)
  expect(size.getBigInt64(0, true)).toBe(8194n)
  const flushes = handle.flushes
  expect(pool.jSync(1, 0)).toBe(VFS.SQLITE_OK)
  expect(handle.flushes).toBe(flushes + 1)

  expect(uses.count).toBe(0)
})

test('a failed write, a short write or a failed flush is SQLite’s I/O error for it, and is logged', async () => {
  const { pool, handle } = await openPool('pool-failures')
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
  try {
    handle.fail = 'write'
    expect(pool.jWrite(1, new Uint8Array([1]), 0)).toBe(VFS.SQLITE_IOERR_WRITE)
    handle.fail = 'short write'
    expect(pool.jWrite(1, new Uint8Array([1, 2]), 0)).toBe(VFS.SQLITE_IOERR_WRITE)
    handle.fail = 'flush'
    expect(pool.jSync(1, 0)).toBe(VFS.SQLITE_IOERR_FSYNC)
    expect(logged).toHaveBeenCalledTimes(3)
    // A file id SQLite never opened fails the same way, it does not throw into SQLite.
    expect(pool.jRead(7, new Uint8Array(1), 0)).toBe(VFS.SQLITE_IOERR_READ)
  } finally {
    logged.mockRestore()
  }
})
