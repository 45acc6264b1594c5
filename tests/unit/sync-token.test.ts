import { SignJWT, UnsecuredJWT } from 'jose'
import { describe, expect, it } from 'vitest'

import { isValidStoreId } from '@/lib/store-id'
import {
  issueSyncToken,
  SYNC_TOKEN_TTL_SECONDS,
  storeIdForWorkspace,
  syncTokenTtlSeconds,
  verifySyncToken,
} from '@/lib/sync/token'

const SECRET = 'a test secret that is long enough'
const claims = { userId: 'user_1', workspaceId: 'ws_AbC123', role: 'member' as const }

describe('sync tokens', () => {
  it('round-trip their claims and expire after minutes', async () => {
    const now = Math.floor(Date.now() / 1000)
    const { token, expiresAt } = await issueSyncToken(SECRET, claims, { now })
    expect(expiresAt - now).toBe(SYNC_TOKEN_TTL_SECONDS)
    expect(await verifySyncToken(SECRET, token)).toEqual({ ok: true, claims })
    const header = JSON.parse(atob(token.split('.')[0]!))
    expect(header).toMatchObject({ alg: 'HS256', typ: 'JWT' })
    expect(header.kid).toMatch(/^v1-[0-9a-f]{8}$/)
  })

  it('refuses an expired token', async () => {
    const { token } = await issueSyncToken(SECRET, claims, {
      now: Math.floor(Date.now() / 1000) - SYNC_TOKEN_TTL_SECONDS - 60,
    })
    expect(await verifySyncToken(SECRET, token)).toEqual({ ok: false, reason: 'token expired' })
  })

  it('refuses a token signed with another secret (forged)', async () => {
    const { token } = await issueSyncToken('another secret entirely', claims)
    expect(await verifySyncToken(SECRET, token)).toMatchObject({ ok: false })
  })

  it('refuses a tampered payload', async () => {
    const { token } = await issueSyncToken(SECRET, claims)
    const [h, p, s] = token.split('.')
    const payload = JSON.parse(atob(p!.replaceAll('-', '+').replaceAll('_', '/')))
    const forged = btoa(JSON.stringify({ ...payload, role: 'owner' }))
      .replaceAll('=', '')
      .replaceAll('+', '-')
      .replaceAll('/', '_')
    expect(await verifySyncToken(SECRET, `${h}.${forged}.${s}`)).toEqual({ ok: false, reason: 'bad signature' })
  })

  it('refuses alg "none"', async () => {
    const unsigned = new UnsecuredJWT({ wid: claims.workspaceId, role: 'owner' })
      .setSubject('user_1')
      .setIssuer('app')
      .setAudience('livestore-sync')
      .setIssuedAt()
      .setExpirationTime('5m')
      .encode()
    expect(await verifySyncToken(SECRET, unsigned)).toMatchObject({ ok: false })
  })

  it('refuses another audience and an unexpected algorithm', async () => {
    const key = new TextEncoder().encode(SECRET)
    const otherAudience = await new SignJWT({ wid: 'w', role: 'member' })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('u')
      .setIssuer('app')
      .setAudience('something-else')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key)
    expect(await verifySyncToken(SECRET, otherAudience)).toEqual({ ok: false, reason: 'algorithm not allowed' })
  })

  it('refuses what is not a token', async () => {
    for (const value of [undefined, '', 'abc', 'a.b.c', 42, 'x'.repeat(5000)]) {
      expect((await verifySyncToken(SECRET, value)).ok).toBe(false)
    }
  })
})

describe('workspace store ids', () => {
  it('are derived deterministically, valid, and distinct for ids that differ only in case', async () => {
    const a = await storeIdForWorkspace('AbC')
    expect(a).toBe(await storeIdForWorkspace('AbC'))
    expect(isValidStoreId(a)).toBe(true)
    expect(a).not.toBe(await storeIdForWorkspace('abc'))
  })
})

describe('sync token lifetime', () => {
  it('defaults to five minutes and accepts 30 s to 1 h from the environment', async () => {
    expect(syncTokenTtlSeconds({})).toBe(300)
    expect(syncTokenTtlSeconds({ SYNC_TOKEN_TTL_SECONDS: '30' })).toBe(30)
    expect(syncTokenTtlSeconds({ SYNC_TOKEN_TTL_SECONDS: '3600' })).toBe(3600)
    for (const bad of ['0', '29', '3601', '1.5', 'soon', '']) {
      expect(syncTokenTtlSeconds({ SYNC_TOKEN_TTL_SECONDS: bad })).toBe(300)
    }
    const now = Math.floor(Date.now() / 1000)
    expect((await issueSyncToken(SECRET, claims, { now, ttlSeconds: 30 })).expiresAt).toBe(now + 30)
  })
})
