import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'

import { SYNC_TOKEN_TTL_SECONDS, syncSigningKey } from '../../lib/sync/token'
import { fixtures } from '../app-under-test.ts'
import {
  connectionParams,
  itemEvents,
  makeWorkspace,
  openSync,
  storedEvents,
  syncBackend,
  waitFor,
} from './sync-client'

type ErrorBody = { error: { code: string; message: string } }

type Workspace = Awaited<ReturnType<typeof makeWorkspace>>

/** Opens a socket to `ws`'s store with `token` (none when undefined) beside the workspace's payload. */
const connectWith = (ws: Pick<Workspace, 'storeId' | 'workspaceId'>, token: string | undefined, payload?: unknown) =>
  openSync({
    storeId: ws.storeId,
    transport: 'ws',
    payload: JSON.stringify(payload ?? { workspaceId: ws.workspaceId }),
    ...(token === undefined ? {} : { token }),
  })

const base64url = (value: unknown) =>
  btoa(JSON.stringify(value)).replaceAll('=', '').replaceAll('+', '-').replaceAll('/', '_')

describe('the sync route refuses bad tokens before the Durable Object', () => {
  it('accepts a member’s fresh token', async () => {
    const ws = await makeWorkspace({ ann: 'member' })
    const response = await connectWith(ws, await ws.tokenFor('ann'))
    expect(response.status).toBe(101)
    response.webSocket?.accept()
    response.webSocket?.close(1000)
  })

  const refusals: Array<[string, (ws: Workspace) => Promise<{ token: string } | undefined>, number, string]> = [
    ['no token', async () => undefined, 401, 'missing token'],
    ['an empty token', async () => ({ token: '' }), 401, 'missing token'],
    [
      'a forged token (signed with another secret)',
      async (ws) => {
        const key = new TextEncoder().encode('not-the-server-secret-0123456789abcdef')
        return {
          token: await new SignJWT({ wid: ws.workspaceId, role: 'owner' })
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject(ws.userIds.ann!)
            .setAudience('livestore-sync')
            .setIssuer('app')
            .setIssuedAt()
            .setExpirationTime('5m')
            .sign(key),
        }
      },
      401,
      'bad signature',
    ],
    [
      'an expired token',
      async (ws) => ({
        token: await ws.tokenFor('ann', Math.floor(Date.now() / 1000) - SYNC_TOKEN_TTL_SECONDS - 60),
      }),
      401,
      'token expired',
    ],
    [
      'alg: none',
      async (ws) => {
        const now = Math.floor(Date.now() / 1000)
        const claims = { sub: ws.userIds.ann, wid: ws.workspaceId, role: 'owner', aud: 'livestore-sync', iss: 'app' }
        return {
          token: `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims, iat: now, exp: now + 60 })}.`,
        }
      },
      401,
      'algorithm not allowed',
    ],
    [
      'a wrong audience (signed with the real key, for another service)',
      async (ws) => {
        const { key, kid } = await syncSigningKey(env.BETTER_AUTH_SECRET)
        return {
          token: await new SignJWT({ wid: ws.workspaceId, role: 'owner' })
            .setProtectedHeader({ alg: 'HS256', kid })
            .setSubject(ws.userIds.ann!)
            .setAudience('billing')
            .setIssuer('app')
            .setIssuedAt()
            .setExpirationTime('5m')
            .sign(key),
        }
      },
      401,
      'invalid aud claim',
    ],
    [
      'a tampered token (claims changed after signing)',
      async (ws) => {
        const [header, payload, signature] = (await ws.tokenFor('ann')).split('.')
        const claims = JSON.parse(atob(payload!.replaceAll('-', '+').replaceAll('_', '/')))
        return { token: `${header}.${base64url({ ...claims, role: 'owner', sub: 'someone' })}.${signature}` }
      },
      401,
      'bad signature',
    ],
  ]

  it.each(refusals)('%s → %i', async (_label, payloadFor, status, reason) => {
    const ws = await makeWorkspace({ ann: 'owner' })
    const response = await connectWith(ws, (await payloadFor(ws))?.token)
    expect(response.status).toBe(status)
    expect(response.webSocket).toBeNull()
    const body = await response.json<ErrorBody>()
    expect(body.error.code).toBe('invalid_sync_token')
    expect(body.error.message).toContain(reason)
    expect(await storedEvents(ws.storeId)).toEqual([])
  })

  it('a token for another workspace is refused (403)', async () => {
    const mine = await makeWorkspace({ ann: 'owner' })
    const theirs = await makeWorkspace({ cid: 'owner' })
    const response = await connectWith({ ...theirs, workspaceId: mine.workspaceId }, await mine.tokenFor('ann'))
    expect(response.status).toBe(403)
    expect((await response.json<ErrorBody>()).error.code).toBe('wrong_workspace')
  })

  it.each([
    ['no payload', undefined],
    ['a payload without the workspace', { hello: 'world' }],
    ['a payload for another workspace', { workspaceId: 'someone-else' }],
    ['the old payload with a token in it', { token: 'x' }],
  ])('a valid token with %s is refused (400)', async (_label, payload) => {
    const ws = await makeWorkspace({ ann: 'owner' })
    const response = await openSync({
      storeId: ws.storeId,
      transport: 'ws',
      token: await ws.tokenFor('ann'),
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    })
    expect(response.status).toBe(400)
    expect((await response.json<ErrorBody>()).error.code).toBe('invalid_sync_payload')
  })

  it('a valid token of a member who has since been removed is refused (403)', async () => {
    const ws = await makeWorkspace({ ann: 'owner', bob: 'member' })
    const token = await ws.tokenFor('bob')
    await env.DB.prepare('DELETE FROM member WHERE userId = ?').bind(ws.userIds.bob).run()
    const response = await connectWith(ws, token)
    expect(response.status).toBe(403)
    expect((await response.json<ErrorBody>()).error.code).toBe('not_a_member')
  })
})

describe('the identity a socket carries is the one the route verified', () => {
  it('identity headers sent by the client are replaced, so a member cannot push as someone else', async () => {
    const ws = await makeWorkspace({ ann: 'owner', bob: 'member' })
    const response = await openSync(connectionParams(ws.storeId, ws.workspaceId, await ws.tokenFor('bob')), {
      headers: { 'x-sync-user-id': ws.userIds.ann!, 'x-sync-role': 'owner', 'x-sync-session-id': 'forged' },
    })
    expect(response.status).toBe(101)
    const socket = response.webSocket!
    socket.accept()
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.addEventListener('close', (event) => resolve({ code: event.code, reason: event.reason })),
    )
    // A message in Ann's name, and a rename only owners may do: both judged as Bob, a member.
    socket.send(
      JSON.stringify({
        _tag: 'Request',
        id: '1',
        tag: 'SyncWsRpc.Push',
        payload: {
          storeId: ws.storeId,
          batch: itemEvents(ws.userIds.ann!, ['as Ann']),
          backendId: { _tag: 'None' },
        },
        headers: [],
      }),
    )
    expect(await closed).toMatchObject({ code: 4422, reason: expect.stringContaining('names another user') })
    expect(await storedEvents(ws.storeId)).toEqual([])
    const session = await env.DB.prepare('SELECT user_id AS userId FROM client_sessions WHERE store_id = ?')
      .bind(ws.storeId)
      .first<{ userId: string }>()
    expect(session?.userId).toBe(ws.userIds.bob)
  })
})

describe('membership changes reach open sockets', () => {
  it('a removal nobody reported is caught by the Durable Object’s own membership check', async () => {
    const ws = await makeWorkspace({ ann: 'owner', bob: 'member' })
    const ann = await ws.connect('ann')
    const bob = await ws.connect('bob')
    await env.DB.prepare('DELETE FROM member WHERE userId = ?').bind(ws.userIds.bob).run()
    // The periodic check runs from the object's alarm.
    await runInDurableObject(syncBackend(ws.storeId), async (_instance, state) => {
      await state.storage.setAlarm(Date.now())
    })
    expect(await runDurableObjectAlarm(syncBackend(ws.storeId))).toBe(true)
    expect(await bob.waitForClose(1000)).toEqual({ code: 4403, reason: 'access revoked' })
    expect(ann.closed).toBeUndefined()
    ann.close()
  })

  it('removing a member closes their open socket at once; others stay connected', async () => {
    const ws = await makeWorkspace({ ann: 'owner', bob: 'member' })
    const ann = await ws.connect('ann')
    const bob = await ws.connect('bob')
    expect((await bob.push(itemEvents(ws.userIds.bob!, ['hello'])))?._tag).toBe('Success')

    await env.DB.prepare('DELETE FROM member WHERE userId = ?').bind(ws.userIds.bob).run()
    expect(await syncBackend(ws.storeId).revokeUser(ws.userIds.bob!)).toBe(1)

    expect(await bob.waitForClose(1000)).toEqual({ code: 4403, reason: 'access revoked' })
    expect(ann.closed).toBeUndefined()
    expect((await ann.push(itemEvents(ws.userIds.ann!, ['still here'], { firstSeqNum: 2 })))?._tag).toBe('Success')
    // Reconnecting with the still-unexpired token does not get back in.
    const again = await connectWith(ws, await ws.tokenFor('bob'))
    expect(again.status).toBe(403)
    const status = await env.DB.prepare('SELECT status FROM client_sessions WHERE user_id = ?')
      .bind(ws.userIds.bob)
      .first<{ status: string }>()
    expect(status?.status).toBe('revoked')
    ann.close()
  })

  it('an idle socket (no frame sent yet) of a removed member is closed at once too', async () => {
    const ws = await makeWorkspace({ ann: 'owner', bob: 'member' })
    const busy = await ws.connect('bob')
    expect((await busy.push(itemEvents(ws.userIds.bob!, ['hello'])))?._tag).toBe('Success')
    const idle = await ws.connect('bob')
    await new Promise((resolve) => setTimeout(resolve, 200))
    await env.DB.prepare('DELETE FROM member WHERE userId = ?').bind(ws.userIds.bob).run()
    const revokedAt = Date.now()
    expect(await syncBackend(ws.storeId).revokeUser(ws.userIds.bob!)).toBe(2)
    expect(await idle.waitForClose(1000)).toEqual({ code: 4403, reason: 'access revoked' })
    expect(await busy.waitForClose(1000)).toEqual({ code: 4403, reason: 'access revoked' })
    console.log(`idle socket closed ${Date.now() - revokedAt} ms after the revocation`)
  })

  it('lowering a role reconnects the member under the new role', async () => {
    const ws = await makeWorkspace({ ann: 'owner', bob: 'admin' })
    const bob = await ws.connect('bob')
    const rename = {
      ...fixtures.managerEvent({ id: 'general', userId: ws.userIds.bob!, at: 1 }),
      seqNum: 1,
      parentSeqNum: 0,
      clientId: 'bob',
      sessionId: 'bob-session',
    }
    await env.DB.prepare("UPDATE member SET role = 'member' WHERE userId = ?").bind(ws.userIds.bob).run()
    expect(await syncBackend(ws.storeId).refreshUserRole(ws.userIds.bob!)).toBe(1)
    expect((await bob.waitForClose(1000)).code).toBe(4409)

    // The token still says admin; the route reads the role from D1.
    const again = await ws.connect('bob')
    expect((await again.pushRefused([rename])).reason).toContain('not allowed to the member role')
    expect(await storedEvents(ws.storeId)).toEqual([])
  })

  it('deleting the workspace closes every socket and removes its event log', async () => {
    const ws = await makeWorkspace({ ann: 'owner', bob: 'member' })
    const ann = await ws.connect('ann')
    const bob = await ws.connect('bob')
    expect((await ann.push(itemEvents(ws.userIds.ann!, ['bye'])))?._tag).toBe('Success')
    await syncBackend(ws.storeId).deleteStore(ws.storeId)
    expect((await ann.waitForClose(1000)).code).toBe(4403)
    expect((await bob.waitForClose(1000)).reason).toBe('workspace deleted')
    expect(await storedEvents(ws.storeId)).toEqual([])
  })

  it('records connected devices in CLIENT_SESSIONS', async () => {
    const ws = await makeWorkspace({ ann: 'owner' })
    const one = await ws.connect('ann')
    const two = await ws.connect('ann')
    const connected = () =>
      env.DB.prepare("SELECT count(*) AS n FROM client_sessions WHERE store_id = ? AND status = 'connected'")
        .bind(ws.storeId)
        .first<{ n: number }>()
    expect((await connected())?.n).toBe(2)
    one.close()
    await waitFor(async () => ((await connected())?.n === 1 ? true : undefined))
    two.close()
    await waitFor(async () => ((await connected())?.n === 0 ? true : undefined))
  })
})
