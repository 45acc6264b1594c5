// The sync token: one module issues and verifies it (the Next app issues, worker.ts's /sync route
// verifies). A short-lived JWT, HMAC-SHA-256, with a key derived from BETTER_AUTH_SECRET by HKDF, so the
// verifier needs no database to check a signature.
//   header: { alg: 'HS256', typ: 'JWT', kid }    kid: names the key, for rotation
//   claims: { sub: userId, wid: workspaceId, role, iat, exp, aud: 'livestore-sync', iss: 'app' }
import { errors, jwtVerify, SignJWT } from 'jose'

import { WORKSPACE_ROLES, type WorkspaceRole } from '../auth/permissions.ts'

export const SYNC_TOKEN_AUDIENCE = 'livestore-sync'
export const SYNC_TOKEN_ISSUER = 'app'
/** Minutes, not days: a removed member's token stops working soon even if a socket was missed. */
export const SYNC_TOKEN_TTL_SECONDS = 5 * 60
const MIN_TTL_SECONDS = 30
const MAX_TTL_SECONDS = 60 * 60

/**
 * The lifetime of new tokens: SYNC_TOKEN_TTL_SECONDS from the environment when set (30 s to 1 h; the
 * e2e run uses 30 s so renewal happens during the tests), else 5 minutes.
 */
export const syncTokenTtlSeconds = (env: { SYNC_TOKEN_TTL_SECONDS?: string }): number => {
  const configured = Number(env.SYNC_TOKEN_TTL_SECONDS)
  return Number.isInteger(configured) && configured >= MIN_TTL_SECONDS && configured <= MAX_TTL_SECONDS
    ? configured
    : SYNC_TOKEN_TTL_SECONDS
}
const ALGORITHM = 'HS256'
const KEY_VERSION = 'v1'

export type SyncClaims = { userId: string; workspaceId: string; role: WorkspaceRole }

const encoder = new TextEncoder()

/** The signing key for a secret: HKDF-SHA-256, so the auth secret itself never signs sync tokens. */
export const syncSigningKey = async (secret: string): Promise<{ key: CryptoKey; kid: string }> => {
  const material = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey'])
  const key = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('livestore-sync-token'), info: encoder.encode(KEY_VERSION) },
    material,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    true,
    ['sign', 'verify'],
  )
  const raw = new Uint8Array((await crypto.subtle.exportKey('raw', key)) as ArrayBuffer)
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', raw))
  const kid = `${KEY_VERSION}-${[...digest.slice(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join('')}`
  return { key, kid }
}

export const issueSyncToken = async (
  secret: string,
  claims: SyncClaims,
  { now = Math.floor(Date.now() / 1000), ttlSeconds = SYNC_TOKEN_TTL_SECONDS } = {},
): Promise<{ token: string; expiresAt: number }> => {
  const { key, kid } = await syncSigningKey(secret)
  const expiresAt = now + ttlSeconds
  const token = await new SignJWT({ wid: claims.workspaceId, role: claims.role })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT', kid })
    .setSubject(claims.userId)
    .setIssuer(SYNC_TOKEN_ISSUER)
    .setAudience(SYNC_TOKEN_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(expiresAt)
    .sign(key)
  return { token, expiresAt }
}

export type SyncTokenCheck = { ok: true; claims: SyncClaims } | { ok: false; reason: string }

/** Checks signature, algorithm, key id, expiry, audience, issuer and the claims' shape. */
export const verifySyncToken = async (secret: string, token: unknown): Promise<SyncTokenCheck> => {
  if (typeof token !== 'string' || token.length === 0) return { ok: false, reason: 'missing token' }
  if (token.length > 4096) return { ok: false, reason: 'token too long' }
  const { key, kid } = await syncSigningKey(secret)
  try {
    const { payload, protectedHeader } = await jwtVerify(token, key, {
      algorithms: [ALGORITHM],
      audience: SYNC_TOKEN_AUDIENCE,
      issuer: SYNC_TOKEN_ISSUER,
      requiredClaims: ['sub', 'iat', 'exp'],
      clockTolerance: 5,
    })
    if (protectedHeader.kid !== kid) return { ok: false, reason: 'unknown signing key' }
    const { sub, wid, role } = payload
    if (typeof sub !== 'string' || typeof wid !== 'string' || !WORKSPACE_ROLES.includes(role as WorkspaceRole)) {
      return { ok: false, reason: 'malformed claims' }
    }
    return { ok: true, claims: { userId: sub, workspaceId: wid, role: role as WorkspaceRole } }
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'token expired' }
    if (error instanceof errors.JWTClaimValidationFailed) return { ok: false, reason: `invalid ${error.claim} claim` }
    if (error instanceof errors.JOSEAlgNotAllowed) return { ok: false, reason: 'algorithm not allowed' }
    if (error instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: 'bad signature' }
    return { ok: false, reason: 'malformed token' }
  }
}

/**
 * The storeId of a workspace's LiveStore store: derived from the workspace id on the server, never
 * chosen by the client. Hex of a hash, so it fits lib/store-id.ts whatever the id's alphabet and case.
 */
export const storeIdForWorkspace = async (workspaceId: string): Promise<string> => {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(`workspace:${workspaceId}`)))
  return `ws_${[...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('')}`
}
