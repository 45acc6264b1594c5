// The auth of the current request, for server components, server actions and route handlers.
import 'server-only'

import { getCloudflareContext } from '@opennextjs/cloudflare'
import { nextCookies } from 'better-auth/next-js'
import { headers } from 'next/headers'
import { cache } from 'react'

import type { AppEnv } from '../env'
import { createAuth } from './auth'

export const getEnv = async (): Promise<AppEnv> => (await getCloudflareContext({ async: true })).env as AppEnv

/** The origin the browser used (request.url inside Next can carry an internal host). */
export const originFromHeaders = (h: Headers): string => {
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost'
  const local = host.startsWith('localhost') || host.startsWith('127.')
  return `${h.get('x-forwarded-proto') ?? (local ? 'http' : 'https')}://${host}`
}

/**
 * One auth instance per request (React's cache is request-scoped on the server). nextCookies lets
 * server actions set better-auth's cookies.
 */
export const getAuth = cache(async () =>
  createAuth(await getEnv(), originFromHeaders(await headers()), [nextCookies()]),
)

/** The signed-in session, or null. */
export const getSession = cache(async () => (await getAuth()).api.getSession({ headers: await headers() }))
