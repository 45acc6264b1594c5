import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, test } from 'vitest'

// @ts-expect-error: a plain ESM script without types.
import { shellWithAssets, writeOfflineShell } from '../../scripts/build-worker.mjs'

const shellSource = readFileSync(new URL('../../public/sw.js', import.meta.url), 'utf8')

describe('the offline shell in the build', () => {
  test('the build writes every asset under _next/static but source maps into sw.js, sorted, so the shell precaches them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'offline-shell-'))
    try {
      mkdirSync(join(dir, 'public'))
      writeFileSync(join(dir, 'public', 'sw.js'), shellSource)
      const staticDir = join(dir, '.open-next', 'assets', '_next', 'static')
      for (const file of [
        'chunks/b.js',
        'chunks/b.js.map',
        'chunks/a.css',
        'media/wa-sqlite.wasm',
        'build-1/_buildManifest.js',
      ]) {
        mkdirSync(join(staticDir, file, '..'), { recursive: true })
        writeFileSync(join(staticDir, file), '')
      }
      const expected = [
        '/_next/static/build-1/_buildManifest.js',
        '/_next/static/chunks/a.css',
        '/_next/static/chunks/b.js',
        '/_next/static/media/wa-sqlite.wasm',
      ]
      expect(writeOfflineShell(dir)).toEqual(expected)
      const built = readFileSync(join(dir, '.open-next', 'assets', 'sw.js'), 'utf8')
      expect(built).toContain(`const BUILD_ASSETS = ${JSON.stringify(expected)}`)
      // Only that line changes: the rest is the shell as written.
      expect(built.replace(JSON.stringify(expected), '[]')).toBe(shellSource)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('a shell without the list to fill in stops the build', () => {
    expect(() => shellWithAssets('self.addEventListener("fetch", () => {})', ['/_next/static/a.js'])).toThrow(
      /BUILD_ASSETS/,
    )
  })
})
