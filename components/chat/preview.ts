// The chat's server-built first view (lib/workspace-app.ts, AppPreview): the open channels and the newest
// messages of the first one, folded from the event log while the store opens. It mirrors the
// materializers of lib/livestore/schema.ts for what the page shows, without importing LiveStore (the
// server build has none); components/chat/preview.test.ts checks it against LiveStore's own state.
import { definePreview } from '@/lib/workspace-app'

import { ChatPreview } from './chat-preview'
import { MESSAGE_WINDOW } from './window'

export type PreviewChannel = { id: string; name: string; createdAt: number; archivedAt: number | null }
export type PreviewMessage = {
  id: string
  channelId: string
  authorId: string
  text: string
  createdAt: number
  editedAt: number | null
  deletedAt: number | null
}
export type ChatPreviewView = {
  channels: { id: string; name: string }[]
  /** The channel the page opens on (the first open one), its newest messages oldest first. */
  selected: { id: string; name: string; messages: PreviewMessage[]; earlier: boolean } | null
}

type State = {
  channels: Map<string, PreviewChannel>
  /** Every message id ever sent: a repeated id is ignored, as the materializer's onConflict does. */
  messageIds: Set<string>
  /** Per channel, the newest MESSAGE_WINDOW + 1 messages, newest first (one more tells "earlier"). */
  windows: Map<string, PreviewMessage[]>
  /** The messages in some window, by id: edits and deletes of older ones change nothing shown. */
  shown: Map<string, PreviewMessage>
}

const str = (value: unknown) => (typeof value === 'string' ? value : undefined)
const num = (value: unknown) => (typeof value === 'number' ? value : undefined)

/** The view's order: createdAt, then id, descending (components/chat/queries.ts, latestMessagesIn$). */
const newerThan = (a: PreviewMessage, b: PreviewMessage) =>
  a.createdAt !== b.createdAt ? a.createdAt > b.createdAt : a.id > b.id

const addToWindow = (state: State, message: PreviewMessage) => {
  const window = state.windows.get(message.channelId) ?? []
  state.windows.set(message.channelId, window)
  let at = window.length
  while (at > 0 && newerThan(message, window[at - 1] as PreviewMessage)) at--
  if (at > MESSAGE_WINDOW) return
  window.splice(at, 0, message)
  state.shown.set(message.id, message)
  if (window.length > MESSAGE_WINDOW + 1) {
    const evicted = window.pop()
    if (evicted !== undefined) state.shown.delete(evicted.id)
  }
}

export const chatPreview = definePreview<State, ChatPreviewView>({
  initial: () => ({ channels: new Map(), messageIds: new Set(), windows: new Map(), shown: new Map() }),

  apply: (state, { name, args }) => {
    const id = str(args.id)
    const userId = str(args.userId)
    const at = num(args.at)
    if (id === undefined || userId === undefined || at === undefined) return
    switch (name) {
      case 'v1.ChannelCreated': {
        const channelName = str(args.name)
        if (channelName !== undefined && !state.channels.has(id)) {
          state.channels.set(id, { id, name: channelName, createdAt: at, archivedAt: null })
        }
        return
      }
      case 'v1.ChannelRenamed': {
        const channel = state.channels.get(id)
        const channelName = str(args.name)
        if (channel !== undefined && channelName !== undefined) channel.name = channelName
        return
      }
      case 'v1.ChannelArchived': {
        const channel = state.channels.get(id)
        if (channel !== undefined && channel.archivedAt === null) channel.archivedAt = at
        return
      }
      case 'v1.MessageSent': {
        const channelId = str(args.channelId)
        const text = str(args.text)
        if (channelId === undefined || text === undefined || state.messageIds.has(id)) return
        state.messageIds.add(id)
        const message = { id, channelId, authorId: userId, text, createdAt: at, editedAt: null, deletedAt: null }
        addToWindow(state, message)
        return
      }
      case 'v1.MessageEdited': {
        const message = state.shown.get(id)
        const text = str(args.text)
        if (message?.authorId === userId && message.deletedAt === null && text !== undefined) {
          message.text = text
          message.editedAt = at
        }
        return
      }
      case 'v1.MessageDeleted': {
        const message = state.shown.get(id)
        if (message?.authorId === userId && message.deletedAt === null) {
          message.text = ''
          message.deletedAt = at
        }
        return
      }
    }
  },

  view: (state) => {
    // openChannels$: open channels by createdAt; equal times keep the order they were created in.
    const channels = [...state.channels.values()]
      .filter((channel) => channel.archivedAt === null)
      .sort((a, b) => a.createdAt - b.createdAt)
    const first = channels[0]
    const window = first === undefined ? [] : (state.windows.get(first.id) ?? [])
    return {
      channels: channels.map(({ id, name }) => ({ id, name })),
      selected:
        first === undefined
          ? null
          : {
              id: first.id,
              name: first.name,
              messages: window
                .slice(0, MESSAGE_WINDOW)
                .reverse()
                .map((message) => ({ ...message })),
              earlier: window.length > MESSAGE_WINDOW,
            },
    }
  },

  Preview: ChatPreview,
})
