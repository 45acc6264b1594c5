import { describe, expect, it } from 'vitest'

import { isValidStoreId, storeIdProblem } from '@/lib/store-id'

describe('store ids', () => {
  it('accepts lowercase letters, digits and underscores, 1 to 64 characters', () => {
    for (const id of ['a', 'store_1', '0123456789abcdef0123456789abcdef', 'x'.repeat(64)]) {
      expect(isValidStoreId(id)).toBe(true)
      expect(storeIdProblem(id)).toBeUndefined()
    }
  })

  // Each of these would either collide with another store's D1 table or smuggle text into SQL.
  it.each(['', 'A', 'Store', 'a-b', 'a.b', 'a b', 'x'.repeat(65), 'é', '"; DROP TABLE x; --'])('refuses %j', (id) => {
    expect(isValidStoreId(id)).toBe(false)
    expect(storeIdProblem(id)).toMatch(/storeId must be/)
  })

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, {}, ['a']]) expect(isValidStoreId(value)).toBe(false)
  })
})
