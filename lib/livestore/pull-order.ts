// Keeps each live pull's events in order and once, as LiveStore requires, whatever the server sends.
//
// sync-cf's Durable Object races with itself when a pull starts while events are being pushed (which is
// what every reconnect does: the client sends its pull and its pending pushes together). The pull is
// registered for broadcasts as soon as it arrives, then reads the log from its cursor page by page; a
// push accepted meanwhile is both broadcast to it and read by it. The client then receives an event
// twice, or a broadcast before the older events the log read has yet to send. LiveStore treats either as
// a broken stream and silently stops pulling: pending events are never confirmed, nothing new arrives.
// Seen in the lifecycle e2e test (server restart mid-burst) about one run in three.
//
// Every event in the log names its parent, so per pull we pass on exactly the event whose parent is
// the last one passed on, drop what was passed on already, and hold what came early until the gap fills.

type PullItem = { eventEncoded: { seqNum: number; parentSeqNum: number } }
type PullValue = { batch: PullItem[] } & Record<string, unknown>

type PullState = { last: number; held: Map<number, PullItem>; heldSince?: number }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isPullItem = (value: unknown): value is PullItem =>
  isRecord(value) &&
  isRecord(value.eventEncoded) &&
  typeof value.eventEncoded.seqNum === 'number' &&
  typeof value.eventEncoded.parentSeqNum === 'number'

const isPullValue = (value: unknown): value is PullValue =>
  isRecord(value) && Array.isArray(value.batch) && value.batch.every(isPullItem)

/** The first event of a log has parent 0 (LiveStore's root sequence number). */
const ROOT = 0

/** Effect RPC's JSON serialization sends one frame or an array of them per message. */
const framesOf = (data: string): { frames: unknown[]; many: boolean } | undefined => {
  try {
    const parsed: unknown = JSON.parse(data)
    return Array.isArray(parsed) ? { frames: parsed, many: true } : { frames: [parsed], many: false }
  } catch {
    return undefined
  }
}

export const makePullOrder = () => {
  const pulls = new Map<string, PullState>()

  const order = (state: PullState, value: PullValue): PullValue => {
    const passed: PullItem[] = []
    const pass = () => {
      for (let next = state.held.get(state.last); next !== undefined; next = state.held.get(state.last)) {
        state.held.delete(state.last)
        passed.push(next)
        state.last = next.eventEncoded.seqNum
      }
    }
    for (const item of value.batch) {
      const { seqNum, parentSeqNum } = item.eventEncoded
      if (seqNum <= state.last) continue // passed on already
      state.held.set(parentSeqNum, item)
      pass()
    }
    for (const [parent, item] of state.held) if (item.eventEncoded.seqNum <= state.last) state.held.delete(parent)
    state.heldSince = state.held.size === 0 ? undefined : (state.heldSince ?? Date.now())
    return passed.length === value.batch.length ? value : { ...value, batch: passed }
  }

  return {
    /** Notes the pulls a client starts and ends (frames it sends). */
    sent(data: unknown) {
      if (typeof data !== 'string' || !(data.includes('SyncWsRpc.Pull') || data.includes('"Interrupt"'))) return
      for (const frame of framesOf(data)?.frames ?? []) {
        if (!isRecord(frame)) continue
        if (frame._tag === 'Interrupt' && typeof frame.requestId === 'string') pulls.delete(frame.requestId)
        if (frame._tag !== 'Request' || frame.tag !== 'SyncWsRpc.Pull' || typeof frame.id !== 'string') continue
        const cursor = isRecord(frame.payload) ? frame.payload.cursor : undefined
        const from =
          isRecord(cursor) && cursor._tag === 'Some' && isRecord(cursor.value) ? cursor.value.eventSequenceNumber : ROOT
        pulls.set(frame.id, { last: typeof from === 'number' ? from : ROOT, held: new Map() })
      }
    },

    /** A frame from the server, with each pull's events in order and once. */
    received(data: unknown): unknown {
      if (typeof data !== 'string' || pulls.size === 0) return data
      if (!data.includes('"Chunk"') && !data.includes('"Exit"')) return data
      const parsed = framesOf(data)
      if (parsed === undefined) return data
      let changed = false
      const ordered = parsed.frames.map((frame) => {
        if (!isRecord(frame) || typeof frame.requestId !== 'string') return frame
        const state = pulls.get(frame.requestId)
        if (state === undefined) return frame
        if (frame._tag === 'Exit') {
          pulls.delete(frame.requestId)
          return frame
        }
        if (frame._tag !== 'Chunk' || !Array.isArray(frame.values)) return frame
        const values = frame.values.map((value) => (isPullValue(value) ? order(state, value) : value))
        if (values.every((value, index) => value === (frame.values as unknown[])[index])) return frame
        changed = true
        return { ...frame, values }
      })
      if (!changed) return data
      return JSON.stringify(parsed.many ? ordered : ordered[0])
    },

    /** Since when some pull has held events waiting for a gap to fill (undefined: none waiting). */
    waitingSince(): number | undefined {
      let oldest: number | undefined
      for (const { heldSince } of pulls.values()) {
        if (heldSince !== undefined && (oldest === undefined || heldSince < oldest)) oldest = heldSince
      }
      return oldest
    },
  }
}
