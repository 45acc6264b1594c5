// Fills a workspace's event log quickly through the sync protocol, as one member with a real sync token:
// what a long-lived workspace looks like, without typing 10,000 items. One socket, a non-live pull for
// the head, then pushes of 500 events (the limit per request, LiveStore patch 11), each awaited. The events are
// the workspace app's (tests/app-under-test.ts).
import { fixtures } from '../../tests/app-under-test.ts'

const PUSH_CHUNK = 500

const frameOf = (event) => JSON.parse(String(event.data))

/** Opens a sync socket with the member's token; resolves once it is open. */
const openSocket = ({ baseURL, storeId, workspaceId, token }) => {
  const params = new URLSearchParams({
    storeId,
    transport: 'ws',
    payload: JSON.stringify({ workspaceId }),
    token,
  })
  const ws = new WebSocket(`${baseURL.replace(/^http/, 'ws')}/sync?${params}`)
  return new Promise((resolve, reject) => {
    ws.addEventListener('open', () => resolve(ws), { once: true })
    ws.addEventListener('error', () => reject(new Error('sync socket refused')), { once: true })
  })
}

/** The workspace's current head (the seqNum of its last event, 0 when empty). */
const readHead = (ws, storeId) =>
  new Promise((resolve, reject) => {
    let head = 0
    const onMessage = (event) => {
      const frame = frameOf(event)
      if (frame.requestId !== '1') return
      if (frame._tag === 'Chunk') {
        ws.send(JSON.stringify({ _tag: 'Ack', requestId: '1' }))
        for (const value of frame.values) for (const item of value.batch) head = item.eventEncoded.seqNum
      } else if (frame._tag === 'Exit') {
        ws.removeEventListener('message', onMessage)
        if (frame.exit._tag === 'Success') resolve(head)
        else reject(new Error(`pull failed: ${JSON.stringify(frame.exit).slice(0, 300)}`))
      }
    }
    ws.addEventListener('message', onMessage)
    ws.send(
      JSON.stringify({
        _tag: 'Request',
        id: '1',
        tag: 'SyncWsRpc.Pull',
        payload: { storeId, cursor: { _tag: 'None' }, live: false },
        headers: [],
      }),
    )
  })

const push = (ws, storeId, requestId, batch) =>
  new Promise((resolve, reject) => {
    const onMessage = (event) => {
      const frame = frameOf(event)
      if (frame.requestId !== requestId || frame._tag !== 'Exit') return
      ws.removeEventListener('message', onMessage)
      if (frame.exit._tag === 'Success') resolve()
      else reject(new Error(`push refused: ${JSON.stringify(frame.exit).slice(0, 300)}`))
    }
    ws.addEventListener('message', onMessage)
    ws.send(
      JSON.stringify({
        _tag: 'Request',
        id: requestId,
        tag: 'SyncWsRpc.Push',
        payload: { storeId, batch, backendId: { _tag: 'None' } },
        headers: [],
      }),
    )
  })

/**
 * Appends `events` ({ name, args }) after whatever the log holds, as `clientId`. Nobody else may push
 * meanwhile (a concurrent push would make ours ServerAhead).
 */
export const pushEvents = async ({ baseURL, storeId, workspaceId, token, events, clientId = 'bench-seed' }) => {
  const ws = await openSocket({ baseURL, storeId, workspaceId, token })
  try {
    let seqNum = await readHead(ws, storeId)
    for (let start = 0; start < events.length; start += PUSH_CHUNK) {
      const batch = events.slice(start, start + PUSH_CHUNK).map((event) => {
        seqNum += 1
        return { ...event, seqNum, parentSeqNum: seqNum - 1, clientId, sessionId: clientId }
      })
      await push(ws, storeId, String(start + 2), batch)
    }
  } finally {
    ws.close()
  }
}

/** Appends `count` items of the workspace app by `userId`; returns their texts, oldest first. */
export const seedItems = async ({ baseURL, storeId, workspaceId, token, userId, count, prefix }) => {
  const at = Date.now() - count // older than anything typed afterwards, in order
  const texts = Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`)
  const events = texts.map((text, i) => fixtures.itemEvent({ id: `${prefix}-${i + 1}`, text, userId, at: at + i }))
  await pushEvents({ baseURL, storeId, workspaceId, token, events })
  return texts
}
