import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

// @ts-expect-error: a plain ESM script without types.
import { PATCHES, patchState } from '../../scripts/patch-livestore.mjs'

type Patch = { name: string; file: string; marker: string; replacements: Array<[string, string]> }

// `postinstall` applies these; an upgraded LiveStore without the passages they replace fails the install.
describe('LiveStore patches', () => {
  it.each((PATCHES as Patch[]).map((patch) => [patch.name, patch] as const))('%s: applied', (_name, patch) => {
    const file = fileURLToPath(new URL(`../../node_modules/${patch.file}`, import.meta.url))
    expect(patchState(patch, readFileSync(file, 'utf8'))).toBe('applied')
    // Still valid JavaScript (throws with the syntax error otherwise).
    execFileSync(process.execPath, ['--check', file], { stdio: 'pipe' })
  })

  it('each patch applies to the text it was written for, and only to it', () => {
    for (const patch of PATCHES as Patch[]) {
      const original = patch.replacements.map(([before]) => before).join('\n')
      expect(patchState(patch, original)).toBe('applicable')
      expect(patchState(patch, 'something else')).toBe('unknown')
    }
  })
})
