import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, test } from 'vitest'

import {
  configProblems,
  PLACEHOLDER_DATABASE_ID,
  secretNotes,
  secretProblems,
  sizeProblem,
  // @ts-expect-error: a plain ESM script without types.
} from '../../scripts/deploy-checks.mjs'

const readyConfig = {
  d1_databases: [{ binding: 'DB', database_name: 'acme', database_id: '5b7d8f2e-1111-4222-8333-944445555666' }],
  vars: { DEV_MAILBOX: 'false' },
}
const readySecrets = {
  required: ['BETTER_AUTH_SECRET'],
  secretNames: ['BETTER_AUTH_SECRET', 'RESEND_API_KEY', 'EMAIL_FROM'],
  vars: {},
}

describe('npm run deploy: what it checks before uploading', () => {
  test('a ready project passes every check', () => {
    expect(configProblems(readyConfig)).toEqual([])
    expect(secretProblems(readySecrets)).toEqual([])
    expect(sizeProblem({ gzipKiB: 2100, plan: 'free' })).toBeUndefined()
  })

  test('the placeholder database id, a missing D1 binding and a dev mailbox left on', () => {
    const placeholder = {
      ...readyConfig,
      d1_databases: [{ ...readyConfig.d1_databases[0], database_id: PLACEHOLDER_DATABASE_ID }],
    }
    expect(configProblems(placeholder)).toEqual([expect.stringContaining('`npx wrangler d1 create acme`')])
    expect(configProblems({ ...readyConfig, d1_databases: [] })).toEqual([expect.stringContaining('no D1 database')])
    expect(configProblems({ ...readyConfig, vars: { DEV_MAILBOX: 'true' } })).toEqual([
      expect.stringContaining('/dev/mailbox'),
    ])
  })

  test('missing secrets, no email provider, half a social sign-in pair', () => {
    expect(secretProblems({ ...readySecrets, secretNames: ['RESEND_API_KEY', 'EMAIL_FROM'] })).toEqual([
      expect.stringContaining('`npx wrangler secret put BETTER_AUTH_SECRET`'),
    ])
    expect(secretProblems({ ...readySecrets, secretNames: ['BETTER_AUTH_SECRET'] })).toEqual([
      expect.stringMatching(/No email provider.*RESEND_API_KEY.*EMAIL_FROM/),
    ])
    expect(secretProblems({ ...readySecrets, secretNames: ['BETTER_AUTH_SECRET', 'RESEND_API_KEY'] })).toEqual([
      expect.stringContaining('EMAIL_FROM is not'),
    ])
    // EMAIL_FROM may be a plain variable in wrangler.toml instead of a secret.
    expect(
      secretProblems({
        ...readySecrets,
        secretNames: ['BETTER_AUTH_SECRET', 'RESEND_API_KEY'],
        vars: { EMAIL_FROM: 'a@b.c' },
      }),
    ).toEqual([])
    expect(secretProblems({ ...readySecrets, secretNames: [...readySecrets.secretNames, 'GITHUB_CLIENT_ID'] })).toEqual(
      ['GITHUB_CLIENT_ID is set but GITHUB_CLIENT_SECRET is not: set both, or neither.'],
    )
    expect(secretNotes(readySecrets)).toEqual([expect.stringContaining('BETTER_AUTH_URL is not set')])
  })

  test('a Worker over the plan’s limit', () => {
    expect(sizeProblem({ gzipKiB: 3100, plan: 'free' })).toMatch(/over the free plan's 3 MiB.*--plan paid/)
    expect(sizeProblem({ gzipKiB: 3100, plan: 'paid' })).toBeUndefined()
    expect(sizeProblem({ gzipKiB: 100, plan: 'enterprise' })).toMatch(/Unknown Workers plan/)
  })

  test('run without Cloudflare credentials, it stops before building and says every problem', () => {
    const config = mkdtempSync(join(tmpdir(), 'no-wrangler-login-'))
    try {
      const result = spawnSync(process.execPath, ['scripts/deploy.mjs', '--check'], {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        encoding: 'utf8',
        // No stored login, no token: wrangler cannot reach an account.
        env: {
          ...process.env,
          CI: 'true',
          XDG_CONFIG_HOME: config,
          CLOUDFLARE_API_TOKEN: '',
          WRANGLER_SEND_METRICS: 'false',
        },
      })
      expect(result.status).toBe(1)
      expect(result.stderr).toContain('stopped before uploading anything')
      expect(result.stderr).toContain('1. The D1 database id in wrangler.toml is still the placeholder')
      expect(result.stderr).toContain("2. Could not read the Worker's secrets: wrangler is not logged in")
      expect(result.stdout).not.toContain('OpenNext')
    } finally {
      rmSync(config, { recursive: true, force: true })
    }
  }, 30_000)
})
