// What the sync Durable Object accepts in a push: events of the shared schema whose arguments decode,
// within size limits, committed by the connection's own user, and allowed to that user's role by the
// schema's eventRights (lib/livestore/schema.ts, whose type makes every event listed).
import { Schema } from '@livestore/livestore'
import { MAX_PUSH_EVENTS_PER_REQUEST } from '@livestore/sync-cf/common'

import type { WorkspaceRole } from '../auth/permissions'
import { type EventName, eventRights, schema } from './schema'

/** One event's encoded size (name + args as JSON): room for a few pages of text. */
export const MAX_EVENT_BYTES = 16 * 1024
/** Events in one push; sync-cf's client splits larger backlogs into batches of this size. */
export const MAX_BATCH_EVENTS = MAX_PUSH_EVENTS_PER_REQUEST

export type Actor = { userId: string; role: WorkspaceRole }

/** A schema and the roles that may commit each of its events: what push rules are made of. */
type RulesInput = {
  schema: { eventsDefsMap: ReadonlyMap<string, { schema: Schema.Schema<unknown, unknown, never> }> }
  eventRights: Readonly<Record<string, readonly WorkspaceRole[]>>
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const encoder = new TextEncoder()

const isSeqNum = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0

/**
 * A store's log is numbered 1, 2, 3… with no gap: each pushed event follows its parent, and the one before
 * it in the batch (sync-cf checks only the first event's parent against its head). A gap or a repeat would
 * be stored as it came, and every member's browser would then wait for the missing event forever.
 */
const sequenceProblem = (event: unknown, previous: unknown): string | undefined => {
  if (!isRecord(event) || !isSeqNum(event.seqNum) || !isSeqNum(event.parentSeqNum)) {
    return 'sequence numbers must be non-negative integers'
  }
  if (event.seqNum !== event.parentSeqNum + 1) {
    return `seqNum ${event.seqNum} does not follow its parent ${event.parentSeqNum}`
  }
  if (isRecord(previous) && event.parentSeqNum !== previous.seqNum) {
    return `parent ${event.parentSeqNum} is not the event before it (${String(previous.seqNum)})`
  }
  return undefined
}

/**
 * The push rules of a schema. The app's are below; a test of schema evolution makes them for the next
 * version of a schema, to see that it still accepts what clients of the previous one push.
 */
export const makePushRules = ({ schema, eventRights }: RulesInput) => {
  const mayCommit = (role: WorkspaceRole, name: string): boolean => eventRights[name]?.includes(role) === true

  /** Why one pushed event must be refused, or undefined when it may be stored. */
  const pushedEventProblem = (event: unknown, actor: Actor): string | undefined => {
    if (!isRecord(event) || typeof event.name !== 'string') return 'event without a name'
    const { name, args } = event
    const definition = schema.eventsDefsMap.get(name)
    if (definition === undefined || !Object.hasOwn(eventRights, name))
      return `unknown event ${JSON.stringify(name.slice(0, 64))}`
    if (encoder.encode(JSON.stringify({ name, args })).byteLength > MAX_EVENT_BYTES) {
      return `${name} is larger than ${MAX_EVENT_BYTES} bytes`
    }
    const decoded = Schema.decodeUnknownEither(definition.schema)(args)
    if (decoded._tag === 'Left') return `${name} arguments do not decode: ${decodeFailure(decoded.left.message)}`
    if (!isRecord(args) || args.userId !== actor.userId) return `${name} names another user`
    if (!mayCommit(actor.role, name)) return `${name} is not allowed to the ${actor.role} role`
    return undefined
  }

  /** Why a pushed batch must be refused as a whole, or undefined when every event may be stored. */
  const pushedBatchProblem = (batch: readonly unknown[], actor: Actor): string | undefined => {
    if (batch.length > MAX_BATCH_EVENTS) return `batch of ${batch.length} events exceeds ${MAX_BATCH_EVENTS}`
    for (const [index, event] of batch.entries()) {
      const problem = pushedEventProblem(event, actor) ?? sequenceProblem(event, batch[index - 1])
      if (problem !== undefined) return `event ${index}: ${problem}`
    }
    return undefined
  }

  return { mayCommit, pushedEventProblem, pushedBatchProblem }
}

const appRules = makePushRules({ schema, eventRights })

/** Whether `role` may commit the app's event `name` (the UI hides what the server would refuse). */
export const mayCommit: (role: WorkspaceRole, name: EventName) => boolean = appRules.mayCommit
export const { pushedEventProblem, pushedBatchProblem } = appRules

/** Effect's parse error is a tree under the schema's description: keep the path and the innermost reason. */
const decodeFailure = (tree: string): string => {
  const lines = tree
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/^[\s└├│─]+/, '').trim())
    .filter((line) => line !== '')
  const path = lines.filter((line) => line.startsWith('[')).join('')
  const reason = lines.at(-1) ?? tree
  return (path === '' ? reason : `${path} ${reason}`).slice(0, 200)
}
