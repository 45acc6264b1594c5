// Bench-only Worker (never deployed): better-auth as the app builds it, plus endpoints that hash
// passwords in a loop, so bench/auth-cpu.mjs can read workerd's CPU time per operation.
import { hashPassword as scryptHash } from 'better-auth/crypto'

import { createAuth } from '../lib/auth/auth'
import { hashPassword as pbkdf2Hash } from '../lib/auth/password'
import type { AppEnv } from '../lib/env'

export default {
  async fetch(request: Request, env: AppEnv): Promise<Response> {
    const url = new URL(request.url)
    if (url.pathname === '/bench/hash') {
      const hash = url.searchParams.get('algorithm') === 'scrypt' ? scryptHash : pbkdf2Hash
      const times = Number(url.searchParams.get('times') ?? '1')
      for (let i = 0; i < times; i++) await hash(`password number ${i}`)
      return new Response('ok')
    }
    if (url.pathname === '/bench/verify-all') {
      await env.DB.prepare('UPDATE user SET emailVerified = 1').run()
      return new Response('ok')
    }
    return createAuth(env, url.origin).handler(request)
  },
}
export { SyncBackendDO } from '../durable-objects/sync-backend'
