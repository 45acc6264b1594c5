// `npm run size`: the gzipped size of the built Worker as Cloudflare would receive it (wrangler's own
// dry run on the existing .open-next build), and what is large in it, as JSON. Exits 1 over the budget:
// `npm test` runs it after the e2e build, so growth is seen on every run. Used by `npm run deploy` too.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { bin, root } from './local-setup.mjs'
import { offlineEnv } from './offline-env.mjs'

/** Fails `npm test` above this: the free plan's 3 MiB minus room to grow. */
export const BUDGET_KIB = 2.5 * 1024

const packageOf = (path) => {
  const rest = path.split('node_modules/').at(-1)
  const parts = rest.split('/')
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]
}

/** The largest inputs of the Worker bundle, grouped by package, in KiB before compression. */
const largestInputs = (metafile, count) => {
  const sizes = new Map()
  for (const output of Object.values(metafile.outputs))
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const key = path.includes('node_modules/') ? packageOf(path) : path.replace(/^(\.\.\/)+/, '')
      sizes.set(key, (sizes.get(key) ?? 0) + bytesInOutput)
    }
  return [...sizes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([input, bytes]) => ({ input, kib: Math.round(bytes / 1024) }))
}

/** Measures the existing build; throws when there is none. */
export const measureWorker = () => {
  if (!existsSync(join(root, '.open-next', 'worker.js')))
    throw new Error('No build to measure: run `npm run build:worker` first.')
  const dir = mkdtempSync(join(tmpdir(), 'worker-size-'))
  try {
    const output = execFileSync(
      bin('wrangler'),
      ['deploy', '--dry-run', '--env', '', '--outdir', join(dir, 'out'), '--metafile', join(dir, 'meta.json')],
      { cwd: root, env: offlineEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const match = output.match(/Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/)
    if (match === null) throw new Error(`wrangler's dry run printed no upload size:\n${output}`)
    const metafile = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'))
    return {
      rawKiB: Math.round(Number(match[1])),
      gzipKiB: Math.round(Number(match[2])),
      largest: largestInputs(metafile, 12),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const size = measureWorker()
  console.log(JSON.stringify({ ...size, budgetKiB: BUDGET_KIB, freePlanLimitKiB: 3 * 1024 }, null, 2))
  if (size.gzipKiB > BUDGET_KIB) {
    console.error(
      `worker-size: the Worker is ${size.gzipKiB} KiB gzipped, over the budget of ${BUDGET_KIB} KiB (scripts/worker-size.mjs).`,
    )
    process.exitCode = 1
  }
}
