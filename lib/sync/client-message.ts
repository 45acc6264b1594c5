// Structural checks on every frame a sync client sends over the WebSocket, before LiveStore's RPC
// server sees it. sync-cf trusts the storeId inside each message; a Durable Object woken from
// hibernation would otherwise open the event log of whatever store a crafted message names.
import { MAX_WS_MESSAGE_BYTES } from '@livestore/sync-cf/common'

/** Effect RPC's client frames (JSON serialization) and the two RPCs sync-cf serves over WebSocket. */
const CLIENT_FRAME_TAGS = new Set(['Request', 'Ack', 'Interrupt', 'Ping', 'Eof'])
const SYNC_RPC_TAGS = new Set(['SyncWsRpc.Pull', 'SyncWsRpc.Push'])

// Effect RPC reads request ids with BigInt(): anything but decimal digits threw inside the Durable
// Object's RPC server and left the socket open with nothing answered.
const REQUEST_ID = /^\d{1,19}$/
const isRequestId = (value: unknown) => typeof value === 'string' && REQUEST_ID.test(value)

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const frameProblem = (frame: unknown, storeId: string): string | undefined => {
  if (!isRecord(frame) || typeof frame._tag !== 'string' || !CLIENT_FRAME_TAGS.has(frame._tag)) {
    return 'unknown message type'
  }
  if ((frame._tag === 'Ack' || frame._tag === 'Interrupt') && !isRequestId(frame.requestId)) {
    return 'requestId must be a decimal number'
  }
  if (frame._tag !== 'Request') return undefined
  if (!isRequestId(frame.id)) return 'request id must be a decimal number'
  if (typeof frame.tag !== 'string' || !SYNC_RPC_TAGS.has(frame.tag)) return 'unknown request'
  if (!isRecord(frame.payload)) return 'request without payload'
  if (frame.payload.storeId !== storeId) return 'storeId does not match the connection'
  if (frame.tag === 'SyncWsRpc.Push' && !Array.isArray(frame.payload.batch)) return 'push without batch'
  return undefined
}

export type ScreenedMessage = { problem: string } | { problem?: undefined; pushBatches: unknown[][] }

/** Checks a client frame once: why it must be refused, or the batches of the pushes it carries. */
export const screenClientMessage = (message: string | ArrayBuffer, storeId: string): ScreenedMessage => {
  if (typeof message !== 'string') return { problem: 'binary frames are not accepted' }
  if (new TextEncoder().encode(message).byteLength > MAX_WS_MESSAGE_BYTES) return { problem: 'message too large' }
  let parsed: unknown
  try {
    parsed = JSON.parse(message)
  } catch {
    return { problem: 'message is not JSON' }
  }
  const frames = Array.isArray(parsed) ? parsed : [parsed]
  if (frames.length === 0) return { problem: 'empty message' }
  for (const frame of frames) {
    const problem = frameProblem(frame, storeId)
    if (problem !== undefined) return { problem }
  }
  // frameProblem has checked every push's shape.
  const pushes = frames.filter((frame) => frame.tag === 'SyncWsRpc.Push') as Array<{ payload: { batch: unknown[] } }>
  return { pushBatches: pushes.map((frame) => frame.payload.batch) }
}

/** Why a client frame must be refused, or undefined when it may pass to the RPC server. */
export const clientMessageProblem = (message: string | ArrayBuffer, storeId: string): string | undefined =>
  screenClientMessage(message, storeId).problem

/** A WebSocket close reason is at most 123 bytes of UTF-8. */
export const closeReason = (text: string): string => {
  const bytes = new TextEncoder().encode(text)
  if (bytes.byteLength <= 123) return text
  return `${new TextDecoder().decode(bytes.slice(0, 120)).replace(/\uFFFD$/, '')}…`
}
