// The app's production build, the same for every caller (`npm run build:worker`, preview, deploy, the
// browser benchmark): OpenNext's build, then the offline shell (public/sw.js) copied into the build with the
// list of build assets it precaches written in.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

import { bin, root } from './local-setup.mjs'
import { offlineEnv } from './offline-env.mjs'

const MARKER = /^const BUILD_ASSETS = \[\]$/m

/** The offline shell's source with `assets` (paths under /_next/static/) as its precache list. */
export const shellWithAssets = (source, assets) => {
  if (!MARKER.test(source)) throw new Error('public/sw.js has no `const BUILD_ASSETS = []` line to fill in')
  return source.replace(MARKER, () => `const BUILD_ASSETS = ${JSON.stringify(assets)}`)
}

const filesUnder = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  )

/**
 * Writes the build's sw.js: every file OpenNext put under assets/_next/static but source maps (only
 * developer tools fetch them), sorted (same build, same bytes).
 */
export const writeOfflineShell = (buildRoot = root) => {
  const assetsDir = join(buildRoot, '.open-next', 'assets')
  const assets = filesUnder(join(assetsDir, '_next', 'static'))
    .filter((file) => !file.endsWith('.map'))
    .map((file) => `/${relative(assetsDir, file).split(sep).join('/')}`)
    .sort()
  const source = readFileSync(join(buildRoot, 'public', 'sw.js'), 'utf8')
  writeFileSync(join(assetsDir, 'sw.js'), shellWithAssets(source, assets))
  return assets
}

export const buildWorker = ({ stdio = 'inherit' } = {}) => {
  execFileSync(bin('opennextjs-cloudflare'), ['build'], { cwd: root, stdio, env: offlineEnv() })
  const assets = writeOfflineShell()
  console.error(`offline shell: ${assets.length} build assets to precache`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildWorker()
