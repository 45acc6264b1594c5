// `npm run deploy [-- --check] [-- --plan paid]`: checks what a first deploy usually gets wrong, before
// anything is uploaded, and stops with every problem it found; then builds, checks the Worker's size
// against the plan's limit, applies migrations/ to the remote D1 database and deploys.
// --check stops after the checks and the size (nothing is uploaded). --plan: free (default) or paid,
// also from WORKERS_PLAN.
import { execFileSync, spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'

import { unstable_readConfig } from 'wrangler'

import { buildWorker } from './build-worker.mjs'
import { configProblems, secretNotes, secretProblems, sizeProblem } from './deploy-checks.mjs'
import { bin, root } from './local-setup.mjs'
import { offlineEnv } from './offline-env.mjs'
import { measureWorker } from './worker-size.mjs'

const { values } = parseArgs({
  options: { check: { type: 'boolean', default: false }, plan: { type: 'string' } },
})
const plan = values.plan ?? process.env.WORKERS_PLAN ?? 'free'

const stop = (problems) => {
  console.error(`\nnpm run deploy stopped before uploading anything:\n`)
  for (const [index, problem] of problems.entries()) console.error(`  ${index + 1}. ${problem}`)
  console.error('\nREADME, "Deploying", walks through a first deploy step by step.')
  process.exit(1)
}

/** The names of the secrets the deployed Worker has, or the reason they could not be read. */
const listSecrets = () => {
  const result = spawnSync(bin('wrangler'), ['secret', 'list', '--format', 'json', '--env', ''], {
    cwd: root,
    env: offlineEnv(),
    encoding: 'utf8',
  })
  if (result.status === 0) return { names: JSON.parse(result.stdout).map((secret) => secret.name) }
  const output = `${result.stdout}\n${result.stderr}`
  if (/not found|10007/i.test(output)) return { names: [] } // The Worker does not exist yet: no secrets.
  const reason = /CLOUDFLARE_API_TOKEN|not logged in|login/i.test(output)
    ? 'wrangler is not logged in to Cloudflare: run `npx wrangler login` (or set CLOUDFLARE_API_TOKEN)'
    : `\`wrangler secret list\` failed: ${
        output
          .trim()
          .split('\n')
          .find((line) => line.trim() !== '') ?? 'no output'
      }`
  return { problem: `Could not read the Worker's secrets: ${reason}.` }
}

const config = unstable_readConfig({ config: 'wrangler.toml', env: undefined }, {})
const problems = configProblems(config)
const secrets = listSecrets()
if (secrets.problem !== undefined) problems.push(secrets.problem)
else {
  const context = { required: config.secrets?.required ?? [], secretNames: secrets.names, vars: config.vars }
  problems.push(...secretProblems(context))
  for (const note of secretNotes(context)) console.log(`note: ${note}`)
}
if (problems.length > 0) stop(problems)

buildWorker()
const size = measureWorker()
console.log(`The Worker is ${size.gzipKiB} KiB gzipped (${plan} plan).`)
const tooLarge = sizeProblem({ gzipKiB: size.gzipKiB, plan })
if (tooLarge !== undefined) stop([tooLarge])
if (values.check) {
  console.log('Checks passed; --check uploads nothing.')
  process.exit(0)
}

const env = offlineEnv()
execFileSync(bin('wrangler'), ['d1', 'migrations', 'apply', 'DB', '--remote', '--env', ''], {
  cwd: root,
  stdio: 'inherit',
  env,
})
execFileSync(bin('opennextjs-cloudflare'), ['deploy'], { cwd: root, stdio: 'inherit', env })
