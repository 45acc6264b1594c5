// CPU cost of password hashing, sign-up and sign-in inside workerd, read from the workerd processes'
// CPU time (/proc, Linux) around a batch of requests. Workers on the free plan get 10 ms of CPU per
// request. Prints one JSON object. Run by hand: `npm run bench:auth`.
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { bin, migrateLocalD1, root } from '../scripts/local-setup.mjs'
import { offlineEnv } from '../scripts/offline-env.mjs'

const PORT = process.env.BENCH_PORT ?? '8796'
const N = Number(process.env.BENCH_N ?? 20)
const state = mkdtempSync(join(tmpdir(), 'auth-bench-'))
const base = `http://127.0.0.1:${PORT}`

migrateLocalD1(state, { quiet: true })
const server = spawn(
  bin('wrangler'),
  [
    'dev',
    'bench/auth-cpu-worker.ts',
    '--ip',
    '127.0.0.1',
    '--port',
    PORT,
    '--inspector-port',
    '9234',
    '--persist-to',
    state,
    '--show-interactive-dev-session=false',
    '--log-level',
    'error',
    '--var',
    'BETTER_AUTH_SECRET:bench-secret-bench-secret-bench-secret',
  ],
  { cwd: root, env: offlineEnv(), stdio: 'ignore' },
)
const stop = () => {
  server.kill('SIGTERM')
  rmSync(state, { recursive: true, force: true })
}

const TICKS_PER_SECOND = 100 // Linux USER_HZ
/** User + system CPU seconds of every workerd process on the machine. */
const workerdCpuSeconds = () => {
  let ticks = 0
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('workerd')) continue
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
      ticks += Number(fields[11]) + Number(fields[12])
    } catch {}
  }
  return ticks / TICKS_PER_SECOND
}

const cpuMsPer = async (count, run) => {
  const before = workerdCpuSeconds()
  await run()
  return Math.round(((workerdCpuSeconds() - before) * 1000 * 10) / count) / 10
}

const post = (path, body, ip) =>
  fetch(`${base}/api/auth${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, 'cf-connecting-ip': ip },
    body: JSON.stringify(body),
  })

try {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/bench/hash?times=0`)).ok) break
    } catch {}
    await new Promise((r) => setTimeout(r, 200))
  }
  const baseline = await cpuMsPer(N, async () => {
    for (let i = 0; i < N; i++) await fetch(`${base}/bench/hash?times=0`)
  })
  const pbkdf2 = await cpuMsPer(N, () => fetch(`${base}/bench/hash?algorithm=pbkdf2&times=${N}`))
  const scrypt = await cpuMsPer(N, () => fetch(`${base}/bench/hash?algorithm=scrypt&times=${N}`))
  const emails = Array.from({ length: N }, (_, i) => `bench-${Date.now()}-${i}@example.test`)
  const statuses = new Set()
  const signUp = await cpuMsPer(N, async () => {
    for (const [i, email] of emails.entries()) {
      const res = await post(
        '/sign-up/email',
        { name: 'Bench', email, password: 'a bench password' },
        `192.0.2.${i + 1}`,
      )
      statuses.add(res.status)
    }
  })
  await fetch(`${base}/bench/verify-all`)
  const signIn = await cpuMsPer(N, async () => {
    for (const [i, email] of emails.entries()) {
      const res = await post('/sign-in/email', { email, password: 'a bench password' }, `198.51.100.${i + 1}`)
      statuses.add(res.status)
    }
  })
  console.log(
    JSON.stringify({
      benchmark: 'auth CPU per operation in workerd (ms, from /proc CPU time, 10 ms tick resolution averaged)',
      operations_each: N,
      request_baseline_ms: baseline,
      pbkdf2_sha256_100k_hash_ms: pbkdf2,
      better_auth_default_scrypt_hash_ms: scrypt,
      sign_up_request_ms: signUp,
      sign_in_request_ms: signIn,
      http_statuses_seen: [...statuses],
    }),
  )
} finally {
  stop()
}
