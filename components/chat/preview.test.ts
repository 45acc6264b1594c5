// The chat's server-built preview (components/chat/preview.ts) mirrors the materializers without
// LiveStore: the same events, committed through LiveStore's own leader, must give the same first view
// (open channels, the first one's newest messages and whether there are earlier ones), whatever the
// order of `at`, repeated ids, edits and deletes by others, archived channels and windows overflowing.
import { Effect } from '@livestore/utils/effect'
import { describe, expect, test } from 'vitest'

import { chatPreview, type PreviewMessage } from '@/components/chat/preview'
import { MESSAGE_WINDOW } from '@/components/chat/window'
import { schema } from '@/lib/livestore/schema'
import type { AppEvent } from '@/lib/workspace-app'

import { commit, select, withLeader } from '@/tests/unit/leader-harness'

/** A small deterministic PRNG (mulberry32): the same history on every run. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/** A history as clients push it (dates as epoch milliseconds). */
const history = (seed: number, messages: number): AppEvent[] => {
  const next = random(seed)
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T
  const users = ['ann', 'bob', 'cid']
  const base = 1_700_000_000_000
  const events: AppEvent[] = []
  const channels = ['c1', 'c2', 'c3']
  for (const [i, id] of channels.entries()) {
    events.push({ name: 'v1.ChannelCreated', args: { id, name: `channel ${i}`, userId: 'ann', at: base + i } })
  }
  // A channel id created twice keeps its first name and time.
  events.push({ name: 'v1.ChannelCreated', args: { id: 'c1', name: 'again', userId: 'bob', at: base - 5 } })
  const sent: { id: string; userId: string }[] = []
  for (let i = 0; i < messages; i++) {
    const roll = next()
    const userId = pick(users)
    // Times out of order (offline backlogs) and equal (ordered by id then).
    const at = base + 1_000 + Math.floor(next() * messages * 3)
    if (roll < 0.7 || sent.length === 0) {
      const repeated = next() < 0.03 && sent.length > 0
      const id = repeated ? pick(sent).id : `m${i.toString().padStart(4, '0')}`
      events.push({ name: 'v1.MessageSent', args: { id, channelId: pick(channels), text: `message ${i}`, userId, at } })
      if (!repeated) sent.push({ id, userId })
    } else if (roll < 0.85) {
      const target = pick(sent)
      const editor = next() < 0.8 ? target.userId : userId
      events.push({ name: 'v1.MessageEdited', args: { id: target.id, text: `edited ${i}`, userId: editor, at } })
    } else if (roll < 0.95) {
      const target = pick(sent)
      const deleter = next() < 0.8 ? target.userId : userId
      events.push({ name: 'v1.MessageDeleted', args: { id: target.id, userId: deleter, at } })
    } else if (roll < 0.98) {
      events.push({ name: 'v1.ChannelRenamed', args: { id: pick(channels), name: `renamed ${i}`, userId, at } })
    } else {
      // c1, the channel the page opens on, stays open here (the test below archives it).
      events.push({ name: 'v1.ChannelArchived', args: { id: pick(['c2', 'c3']), userId, at } })
    }
  }
  return events
}

const fold = (events: AppEvent[]) => {
  const state = chatPreview.initial()
  for (const event of events) chatPreview.apply(state, event)
  return chatPreview.view(state)
}

type ChannelRow = { id: string; name: string }
/** A messages row read as SQL returns it: the same shape as the preview's messages (dates as epoch ms). */
type MessageRow = PreviewMessage

/** The same view read from LiveStore's state after the leader materialized the events. */
const livestoreView = (events: AppEvent[]) =>
  Effect.runPromise(
    withLeader(
      { schema },
      Effect.gen(function* () {
        for (const { name, args } of events) yield* commit({ name, args: { ...args, at: new Date(args.at as number) } })
        const channels = yield* select<ChannelRow>(
          `SELECT id, name FROM channels WHERE archivedAt IS NULL ORDER BY createdAt ASC`,
        )
        const first = channels[0]
        if (first === undefined) return { channels, selected: null }
        const newestFirst = yield* select<MessageRow>(
          `SELECT id, channelId, authorId, text, createdAt, editedAt, deletedAt FROM messages
           WHERE channelId = '${first.id}' ORDER BY createdAt DESC, id DESC LIMIT ${MESSAGE_WINDOW + 1}`,
        )
        return {
          channels: channels.map(({ id, name }) => ({ id, name })),
          selected: {
            id: first.id,
            name: first.name,
            messages: newestFirst.slice(0, MESSAGE_WINDOW).reverse(),
            earlier: newestFirst.length > MESSAGE_WINDOW,
          },
        }
      }),
    ),
  )

describe('the chat preview folds the log as the materializers do', () => {
  test.each([1, 2, 3])('history %i: 600 events of three channels', async (seed) => {
    const events = history(seed, 600)
    const expected = await livestoreView(events)
    const view = fold(events)
    expect(view).toEqual(expected)
    // The history exercised what it should: a full window with earlier messages, edits and deletes shown.
    expect(view.selected?.id).toBe('c1')
    expect(view.selected?.messages).toHaveLength(MESSAGE_WINDOW)
    expect(view.selected?.earlier).toBe(true)
    expect(view.selected?.messages.some((m) => m.deletedAt !== null)).toBe(true)
    expect(view.selected?.messages.some((m) => m.editedAt !== null)).toBe(true)
  })

  test('archiving the first channel opens the page on the next one', async () => {
    const events = history(6, 300)
    events.push({ name: 'v1.ChannelArchived', args: { id: 'c1', userId: 'ann', at: 1_800_000_000_000 } })
    const view = fold(events)
    expect(view).toEqual(await livestoreView(events))
    expect(view.selected?.id).not.toBe('c1')
  })

  test('an empty log, and a channel without messages', async () => {
    expect(fold([])).toEqual({ channels: [], selected: null })
    const events = history(4, 0)
    expect(fold(events)).toEqual(await livestoreView(events))
  })

  test('events it does not know, and arguments of the wrong shape, change nothing', () => {
    const events = history(5, 50)
    const noise: AppEvent[] = [
      { name: 'v2.SomethingNew', args: { id: 'x', userId: 'ann', at: 1 } },
      { name: 'v1.MessageSent', args: { id: 'bad', channelId: 'c1', text: 42, userId: 'ann', at: 2 } },
      { name: 'v1.ChannelCreated', args: { id: 'c9', name: 'no time', userId: 'ann' } },
    ]
    expect(fold([...events.slice(0, 20), ...noise, ...events.slice(20)])).toEqual(fold(events))
  })
})
