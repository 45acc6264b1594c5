// `npm run test:example`: proves the README's "Replacing the demo" steps. In a scratch copy of this
// checkout (tracked and new files, node_modules linked), it runs the README's swap block exactly as
// written, which turns the chat demo into the task list of examples/tasks, then type-checks the result
// and runs the unit tests and the Durable Object's push validation tests against it (workerd, D1).
// Prints what the swap changed (the files a fork touches) as JSON; exits 1 when anything fails.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

import { bin, root } from './local-setup.mjs'
import { offlineEnv } from './offline-env.mjs'

const START = '<!-- example-swap:start -->'
const END = '<!-- example-swap:end -->'

/** The shell block between the README's swap markers. */
export const swapBlock = (readme) => {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start === -1 || end < start) throw new Error(`README.md has no ${START} … ${END} block`)
  const fenced = readme.slice(start + START.length, end).match(/```sh\n([\s\S]*?)```/)
  if (fenced === null) throw new Error('the README swap block has no ```sh fence')
  return fenced[1]
}

const filesOf = (dir) =>
  execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: dir, encoding: 'utf8' })
    .split('\0')
    // Deleted but still tracked files are gone; the node_modules link is a directory, not a file.
    .filter((file) => file !== '' && statSync(join(dir, file), { throwIfNoEntry: false })?.isFile() === true)

const contents = (dir, files) => new Map(files.map((file) => [file, readFileSync(join(dir, file), 'utf8')]))

const run = (copy, command, args) => {
  const result = spawnSync(command, args, { cwd: copy, env: offlineEnv({ CI: 'true' }), encoding: 'utf8' })
  if (result.status !== 0) {
    process.stdout.write(result.stdout)
    process.stderr.write(result.stderr)
    throw new Error(`${[command, ...args].join(' ')} failed in the swapped copy (${copy})`)
  }
}

const main = () => {
  // A fork that has replaced the demo has no example left to swap in: it says so instead of failing.
  if (!statSync(join(root, 'examples', 'tasks'), { throwIfNoEntry: false })?.isDirectory()) {
    console.log('test:example: examples/tasks is gone (the demo was replaced already): nothing to check.')
    return
  }
  const started = Date.now()
  const copy = mkdtempSync(join(tmpdir(), 'example-swap-'))
  let failed = false
  try {
    const files = filesOf(root)
    for (const file of files) {
      mkdirSync(dirname(join(copy, file)), { recursive: true })
      cpSync(join(root, file), join(copy, file))
    }
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir')
    execFileSync('git', ['init', '-q'], { cwd: copy })
    const before = contents(copy, files)

    execFileSync('bash', ['-euo', 'pipefail', '-c', swapBlock(readFileSync(join(root, 'README.md'), 'utf8'))], {
      cwd: copy,
      stdio: 'inherit',
    })
    const after = contents(copy, filesOf(copy))
    const removed = [...before.keys()].filter((file) => !after.has(file))
    const added = [...after.keys()].filter((file) => !before.has(file))
    const changed = [...after.keys()].filter((file) => before.has(file) && before.get(file) !== after.get(file))
    const app = (file) => !file.startsWith('examples/')

    run(copy, 'npm', ['run', 'typecheck'])
    run(copy, bin('vitest'), ['run', '--project', 'unit'])
    run(copy, bin('vitest'), ['run', '--project', 'worker:sync-push'])
    console.log(
      JSON.stringify(
        {
          example: 'tasks',
          forkTouches: {
            replaced: changed.filter(app),
            added: added.filter(app),
            removed: removed.filter(app).length,
            removedFolders: [...new Set(removed.filter(app).map((file) => file.split('/').slice(0, 2).join('/')))],
          },
          checks: ['typecheck', 'unit tests', 'push validation in workerd (tests/worker/sync-push.test.ts)'],
          seconds: Math.round((Date.now() - started) / 1000),
        },
        null,
        2,
      ),
    )
  } catch (error) {
    console.error(`check-example-swap: ${error instanceof Error ? error.message : error}`)
    failed = true
  } finally {
    if (!failed) rmSync(copy, { recursive: true, force: true })
  }
  if (failed) process.exit(1)
}

main()
