// The LiveStore sync backend: one Durable Object per store, speaking sync-cf's WebSocket protocol and
// keeping each store's event log in D1 (the binding DB).
import { makeDurableObject } from '@livestore/sync-cf/cf-worker'

import { clientMessageProblem, REFUSED_MESSAGE_CLOSE_CODE } from '../lib/sync/client-message'

const SyncBackendBase = makeDurableObject({
  storage: { _tag: 'd1', binding: 'DB' },
  // Browsers sync over WebSocket only; the HTTP and DO-RPC transports stay closed.
  enabledTransports: new Set(['ws']),
})

type SyncSocket = Parameters<NonNullable<InstanceType<typeof SyncBackendBase>['webSocketMessage']>>[0]

/** The storeId sync-cf recorded on the socket when it accepted the connection. */
const storeIdOf = (ws: SyncSocket): string | undefined => {
  const attachment: unknown = ws.deserializeAttachment()
  if (typeof attachment !== 'string') return undefined
  const parsed: unknown = JSON.parse(attachment)
  return typeof parsed === 'object' && parsed !== null && 'storeId' in parsed && typeof parsed.storeId === 'string'
    ? parsed.storeId
    : undefined
}

export class SyncBackendDO extends SyncBackendBase {
  constructor(...args: ConstructorParameters<typeof SyncBackendBase>) {
    super(...args)
    // sync-cf installs its RPC handler on the instance; screen every frame before it runs.
    const handleMessage = this.webSocketMessage?.bind(this)
    if (handleMessage === undefined) throw new Error('sync-cf did not install a WebSocket handler')
    this.webSocketMessage = async (ws, message) => {
      const storeId = storeIdOf(ws)
      const problem = storeId === undefined ? 'connection has no store' : clientMessageProblem(message, storeId)
      if (problem !== undefined) {
        ws.close(REFUSED_MESSAGE_CLOSE_CODE, `invalid sync message: ${problem}`)
        return
      }
      await handleMessage(ws, message)
    }
  }
}
