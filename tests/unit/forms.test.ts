import { describe, expect, it } from 'vitest'

import { enabledSocialProviders } from '@/lib/auth/auth'
import { safeRedirectPath, signUpForm } from '@/lib/auth/forms'
import { type AppEnv, devMailboxEnabled } from '@/lib/env'
import { createWorkspaceForm, slugify, workspaceSlug } from '@/lib/workspaces'

describe('workspace slugs', () => {
  it('suggests a slug from a name', () => {
    expect(slugify('Analytical Engines, Ltd.')).toBe('analytical-engines-ltd')
    expect(slugify('Café  Zürich')).toBe('cafe-zurich')
    expect(slugify('---')).toBe('')
  })

  it('accepts good slugs and refuses bad or reserved ones', () => {
    expect(workspaceSlug.safeParse('acme-2').success).toBe(true)
    for (const bad of ['ab', '-acme', 'acme-', 'Acme Inc', 'a'.repeat(49), 'settings', 'api']) {
      expect(workspaceSlug.safeParse(bad).success).toBe(false)
    }
  })

  it('derives the slug when the form leaves it empty, with a field error when it cannot', () => {
    expect(createWorkspaceForm.parse({ name: 'My Team', slug: '' })).toEqual({ name: 'My Team', slug: 'my-team' })
    const result = createWorkspaceForm.safeParse({ name: '!!', slug: '' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['slug'])
  })
})

describe('account forms', () => {
  it('normalizes email and enforces the password length', () => {
    expect(signUpForm.parse({ name: ' Ada ', email: ' ADA@Example.TEST ', password: 'long enough!' })).toMatchObject({
      name: 'Ada',
      email: 'ada@example.test',
    })
    expect(signUpForm.safeParse({ name: 'Ada', email: 'ada@example.test', password: 'short' }).success).toBe(false)
    expect(signUpForm.safeParse({ name: '', email: 'nope', password: 'long enough!' }).success).toBe(false)
  })

  it('only redirects to same-site paths after sign-in', () => {
    expect(safeRedirectPath.parse('/invite/abc')).toBe('/invite/abc')
    for (const unsafe of ['https://evil.test', '//evil.test', '/\\evil.test', 'javascript:alert(1)', undefined]) {
      expect(safeRedirectPath.parse(unsafe)).toBeUndefined()
    }
  })
})

describe('the dev mailbox', () => {
  it('is on outside production builds, and in production only when enabled explicitly', () => {
    const previous = process.env.NODE_ENV
    try {
      expect(devMailboxEnabled({})).toBe(true)
      ;(process.env as Record<string, string>).NODE_ENV = 'production'
      expect(devMailboxEnabled({})).toBe(false)
      expect(devMailboxEnabled({ DEV_MAILBOX: 'false' })).toBe(false)
      expect(devMailboxEnabled({ DEV_MAILBOX: 'true' })).toBe(true)
    } finally {
      ;(process.env as Record<string, string | undefined>).NODE_ENV = previous
    }
  })
})

describe('social sign-in', () => {
  it('offers a provider only when both its id and secret are configured', () => {
    const env = (extra: Partial<AppEnv>) => extra as AppEnv
    expect(enabledSocialProviders(env({}))).toEqual([])
    expect(enabledSocialProviders(env({ GITHUB_CLIENT_ID: 'id' }))).toEqual([])
    expect(enabledSocialProviders(env({ GITHUB_CLIENT_ID: 'id', GITHUB_CLIENT_SECRET: 's' }))).toEqual(['github'])
    expect(
      enabledSocialProviders(
        env({ GITHUB_CLIENT_ID: 'a', GITHUB_CLIENT_SECRET: 'b', GOOGLE_CLIENT_ID: 'c', GOOGLE_CLIENT_SECRET: 'd' }),
      ),
    ).toEqual(['github', 'google'])
  })
})
