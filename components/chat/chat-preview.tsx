'use client'

// The chat as the server folded it from the event log (./preview.ts), shown read-only until the store is
// ready: the same layout as ChatApp, ChannelView and MessageItem, with every control disabled. No
// LiveStore here: this renders on the server and is part of the page's first JavaScript.
import { useSyncExternalStore } from 'react'

import { Button } from '@/components/ui/button'
import { useMemberName, useWorkspace } from '@/components/workspace-store/workspace-context'

import type { ChatPreviewView } from './preview'
import {
  authorClass,
  channelButtonClass,
  channelHeaderClass,
  chatLayoutClass,
  deletedMessageClass,
  inputClass,
  messageItemClass,
  messageMetaClass,
  messagesClass,
  messagesPaneClass,
  messageTextClass,
  quietButtonClass,
} from './styles'

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const subscribeNothing = () => () => {}

/** The browser's local time; empty in the server's HTML, whose time zone is not the reader's. */
function LocalTime({ at }: { at: number }) {
  const text = useSyncExternalStore(
    subscribeNothing,
    () => timeFormat.format(at),
    () => '',
  )
  return <time dateTime={new Date(at).toISOString()}>{text}</time>
}

export function ChatPreview({ view }: { view: ChatPreviewView }) {
  const { userId } = useWorkspace()
  const nameOf = useMemberName()
  const { selected } = view
  return (
    <div className={chatLayoutClass} data-testid="chat-preview" aria-busy="true">
      <aside className="flex flex-col gap-3">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-zinc-500">Channels</h2>
        <ul aria-label="Channels" className="flex flex-col gap-1">
          {view.channels.map((channel) => (
            <li key={channel.id}>
              <button
                type="button"
                disabled
                aria-current={channel.id === selected?.id ? 'true' : undefined}
                className={channelButtonClass}
              >
                # {channel.name}
              </button>
            </li>
          ))}
        </ul>
        <p className="text-xs text-zinc-500">Opening workspace data…</p>
      </aside>
      <section className="flex min-w-0 flex-col gap-4">
        {selected === null ? (
          <p className="text-sm text-zinc-500">No channels yet. Create one to start talking.</p>
        ) : (
          <>
            <header className={channelHeaderClass}>
              <h2 className="truncate text-lg font-semibold"># {selected.name}</h2>
            </header>
            <div className={messagesPaneClass}>
              <div className={messagesClass}>
                {selected.earlier && (
                  <button type="button" disabled className={`${quietButtonClass} self-center`}>
                    Show earlier messages
                  </button>
                )}
                <ol aria-label="Messages" className="space-y-3">
                  {selected.messages.length === 0 ? (
                    <li className="text-sm text-zinc-500">No messages yet.</li>
                  ) : (
                    selected.messages.map((message) => (
                      <li key={message.id} className={messageItemClass} data-testid="preview-message">
                        <div className={messageMetaClass}>
                          <span className={authorClass}>{nameOf(message.authorId)}</span>
                          <LocalTime at={message.createdAt} />
                          {message.editedAt !== null && message.deletedAt === null && <span>(edited)</span>}
                          {message.authorId === userId && message.deletedAt === null && (
                            <span className="ml-auto flex gap-3">
                              <button type="button" disabled className={quietButtonClass}>
                                Edit
                              </button>
                              <button type="button" disabled className={quietButtonClass}>
                                Delete
                              </button>
                            </span>
                          )}
                        </div>
                        {message.deletedAt !== null ? (
                          <p className={deletedMessageClass}>Message deleted</p>
                        ) : (
                          <p className={messageTextClass}>{message.text}</p>
                        )}
                      </li>
                    ))
                  )}
                </ol>
              </div>
            </div>
            <form className="flex gap-2">
              <input
                aria-label={`Message #${selected.name}`}
                disabled
                placeholder={`Message #${selected.name}`}
                className={inputClass}
              />
              <Button type="button" disabled>
                Send
              </Button>
            </form>
          </>
        )}
      </section>
    </div>
  )
}
