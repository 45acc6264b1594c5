// LiveStore patch 9 (scripts/patch-livestore.mjs): splitChunkBySize, which sync-cf's Durable Object uses
// to cut pulls and broadcasts into WebSocket messages, measures each item once instead of re-encoding the
// growing list for every item added, and still cuts exactly where the original cut.
import { splitChunkBySize } from '@livestore/common/sync'
import { Chunk, Effect } from '@livestore/utils/effect'
import { describe, expect, it } from 'vitest'

type Item = { id: number; text: string }

/** The envelope sync-cf encodes around a batch (a PullResponse's shape), counting the items encoded. */
const counted = () => {
  let encoded = 0
  const encode = (batch: readonly Item[]) => {
    encoded += batch.length
    return { batch, pageInfo: { _tag: 'NoMore' }, backendId: 'backend-1' }
  }
  return { encode, encoded: () => encoded }
}

const split = (items: Item[], maxItems: number, maxBytes: number, encode: (batch: readonly Item[]) => unknown) =>
  Effect.runSync(splitChunkBySize<Item>({ maxItems, maxBytes, encode })(Chunk.fromIterable(items))).pipe(
    Chunk.toReadonlyArray,
  )

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).byteLength

/** The original algorithm: the whole list measured again after each item. */
const reference = (items: Item[], maxItems: number, maxBytes: number, encode: (batch: readonly Item[]) => unknown) => {
  const result: Item[][] = []
  let current: Item[] = []
  for (const item of items) {
    current.push(item)
    if (current.length > maxItems || bytes(encode(current)) > maxBytes) {
      current.pop()
      if (current.length > 0) result.push(current)
      current = [item]
    }
  }
  if (current.length > 0) result.push(current)
  return result
}

/** A small deterministic PRNG (mulberry32). */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

describe('splitChunkBySize (patched)', () => {
  it('encodes each item about once: a page of 100 events is not 5,050 encodings', () => {
    const items = Array.from({ length: 100 }, (_, id) => ({ id, text: `message ${id}` }))
    const { encode, encoded } = counted()
    const chunks = split(items, 100, 1_000_000, encode)
    expect(chunks.map((chunk) => Chunk.size(chunk))).toEqual([100])
    expect(encoded()).toBeLessThanOrEqual(items.length + 2)
  })

  it('cuts where the original cut, by count and by bytes (multi-byte text included)', () => {
    const next = random(7)
    for (let round = 0; round < 40; round++) {
      const items = Array.from({ length: 1 + Math.floor(next() * 300) }, (_, id) => ({
        id,
        text: (next() < 0.2 ? 'é✓' : 'x').repeat(1 + Math.floor(next() * 400)),
      }))
      const maxItems = 1 + Math.floor(next() * 120)
      const maxBytes = 2_500 + Math.floor(next() * 20_000)
      const { encode } = counted()
      const chunks = split(items, maxItems, maxBytes, encode).map((chunk) => Chunk.toReadonlyArray(chunk))
      expect(chunks).toEqual(reference(items, maxItems, maxBytes, encode))
      for (const chunk of chunks) {
        expect(chunk.length).toBeLessThanOrEqual(maxItems)
        expect(bytes(encode(chunk))).toBeLessThanOrEqual(maxBytes)
      }
    }
  })

  it('still refuses one item larger than the limit', () => {
    const { encode } = counted()
    expect(() => split([{ id: 1, text: 'x'.repeat(2_000) }], 10, 1_000, encode)).toThrow(/"maxBytes": 1000/)
  })
})
