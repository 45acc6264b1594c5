import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterEach, describe, expect, test } from 'vitest'

// @ts-expect-error: a plain ESM script without types.
import { identityProblem, rename, slugOf } from '../../scripts/rename.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
const FILES = ['lib/product.ts', 'wrangler.toml', 'package.json', 'package-lock.json']
let copy: string

/** The identity files of this checkout, copied to a scratch folder. */
const scratchCopy = () => {
  copy = mkdtempSync(join(tmpdir(), 'rename-'))
  for (const file of FILES) cpSync(join(root, file), join(copy, file))
  return copy
}
const read = (file: string) => readFileSync(join(copy, file), 'utf8')

afterEach(() => rmSync(copy, { recursive: true, force: true }))

describe('npm run rename', () => {
  test('renames the product, the Worker, the D1 database and the package, and can run again', () => {
    const dir = scratchCopy()
    const original = { product: read('lib/product.ts'), wrangler: read('wrangler.toml') }
    const { old, changed } = rename({ root: dir, name: "Acme's Notes", slug: slugOf("Acme's Notes") })
    expect(slugOf("Acme's Notes")).toBe('acme-s-notes')
    expect(changed.sort()).toEqual([...FILES].sort())

    const product = read('lib/product.ts')
    expect(product).toContain("name: 'Acme\\'s Notes',")
    expect(product).toContain("slug: 'acme-s-notes',")
    expect(product).toContain("emailSenderName: 'Acme\\'s Notes',")
    const wrangler = read('wrangler.toml')
    expect(wrangler).not.toContain(old.slug)
    expect(wrangler).toMatch(/^name = "acme-s-notes"$/m)
    expect(wrangler).toMatch(/^name = "acme-s-notes-dev"$/m)
    expect(wrangler.match(/^database_name = "acme-s-notes"$/gm)).toHaveLength(2)
    expect(wrangler).toMatch(/^script_name = "acme-s-notes"$/m)
    // Nothing else in wrangler.toml moved.
    expect(wrangler.split('\n').length).toBe(original.wrangler.split('\n').length)
    expect(JSON.parse(read('package.json')).name).toBe('acme-s-notes')
    expect(JSON.parse(read('package-lock.json')).packages[''].name).toBe('acme-s-notes')

    // And back: the files are as they were.
    rename({ root: dir, name: old.name, slug: old.slug })
    expect(read('lib/product.ts')).toBe(original.product)
    expect(read('wrangler.toml')).toBe(original.wrangler)
  })

  test('refuses names and slugs Workers or D1 would refuse, and changes nothing', () => {
    const dir = scratchCopy()
    const before = FILES.map(read)
    expect(identityProblem({ name: '', slug: '' })).toMatch(/Give the product a name/)
    expect(identityProblem({ name: '日本', slug: slugOf('日本') })).toMatch(/not a usable slug/)
    expect(identityProblem({ name: 'Ok', slug: 'Bad_Slug' })).toMatch(/not a usable slug/)
    expect(() => rename({ root: dir, name: 'Two\nlines', slug: 'two-lines' })).toThrow(/line breaks/)
    expect(FILES.map(read)).toEqual(before)
  })
})
