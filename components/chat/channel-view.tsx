'use client'

import { type FormEvent, useMemo, useState } from 'react'

import { Button } from '@/components/ui/button'
import { commitInOwnTask, useWorkspaceStore } from '@/components/workspace-store/store'
import { useMemberName, useWorkspace } from '@/components/workspace-store/workspace-context'
import { mayCommit } from '@/lib/livestore/event-rules'
import { events, MAX_CHANNEL_NAME_LENGTH, MAX_MESSAGE_LENGTH, type tables } from '@/lib/livestore/schema'

import { MessageItem } from './message-item'
import { latestMessagesIn$ } from './queries'
import { channelHeaderClass, inputClass, messagesClass, messagesPaneClass, quietButtonClass } from './styles'
import { earlierWindow, firstWindow, readLimit, shownIn } from './window'

type Channel = typeof tables.channels.Type

function ChannelHeader({ channel }: { channel: Channel }) {
  const store = useWorkspaceStore()
  const { userId, role } = useWorkspace()
  const [renaming, setRenaming] = useState(false)
  const [name, setName] = useState(channel.name)

  const rename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const trimmed = name.trim()
    if (trimmed !== '' && trimmed !== channel.name) {
      store.commit(events.channelRenamed({ id: channel.id, name: trimmed, userId, at: new Date() }))
    }
    setRenaming(false)
  }

  if (renaming) {
    return (
      <form onSubmit={rename} className="flex items-center gap-2">
        <label htmlFor="channel-name" className="sr-only">
          Channel name
        </label>
        <input
          id="channel-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={MAX_CHANNEL_NAME_LENGTH}
          className={inputClass}
        />
        <Button>Save</Button>
        <button type="button" className={quietButtonClass} onClick={() => setRenaming(false)}>
          Cancel
        </button>
      </form>
    )
  }
  return (
    <header className={channelHeaderClass}>
      <h2 className="truncate text-lg font-semibold" data-testid="channel-title">
        # {channel.name}
      </h2>
      {mayCommit(role, 'v1.ChannelRenamed') && (
        <div className="flex gap-3">
          <button type="button" className={quietButtonClass} onClick={() => setRenaming(true)}>
            Rename
          </button>
          <button
            type="button"
            className={quietButtonClass}
            onClick={() => store.commit(events.channelArchived({ id: channel.id, userId, at: new Date() }))}
          >
            Archive
          </button>
        </div>
      )}
    </header>
  )
}

function Composer({ channel }: { channel: Channel }) {
  const store = useWorkspaceStore()
  const { userId } = useWorkspace()
  const [text, setText] = useState('')
  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const trimmed = text.trim()
    if (trimmed === '') return
    setText('')
    const sent = events.messageSent({
      id: crypto.randomUUID(),
      channelId: channel.id,
      text: trimmed,
      userId,
      at: new Date(),
    })
    // Not committed after all (the store closed, or the commit threw): the text goes back into the box.
    commitInOwnTask(store, sent, () => setText((current) => (current === '' ? trimmed : current)))
  }
  return (
    <form onSubmit={send} className="flex gap-2">
      <label htmlFor="message" className="sr-only">
        Message #{channel.name}
      </label>
      <input
        id="message"
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={MAX_MESSAGE_LENGTH}
        placeholder={`Message #${channel.name}`}
        autoComplete="off"
        className={inputClass}
      />
      <Button>Send</Button>
    </form>
  )
}

export function ChannelView({ channel }: { channel: Channel }) {
  // Read once here and passed down: rows are memoized and never look the store up themselves.
  const store = useWorkspaceStore()
  const { userId } = useWorkspace()
  const nameOf = useMemberName()
  const [view, setView] = useState(firstWindow)
  const limit = readLimit(view)
  const query$ = useMemo(() => latestMessagesIn$(channel.id, limit), [channel.id, limit])
  const shown = shownIn(store.useQuery(query$), view)
  // The first render learns the oldest message shown, and a window's worth of arrivals moves it: kept for the
  // next render (React re-renders at once, before anything is painted).
  if (shown.window !== view) setView(shown.window)
  const { messages, earlier } = shown
  return (
    <>
      <ChannelHeader channel={channel} />
      <div className={messagesPaneClass}>
        <div className={messagesClass}>
          {earlier && (
            <button type="button" className={`${quietButtonClass} self-center`} onClick={() => setView(earlierWindow)}>
              Show earlier messages
            </button>
          )}
          <ol aria-label="Messages" className="space-y-3">
            {messages.length === 0 ? (
              <li className="text-sm text-zinc-500">No messages yet.</li>
            ) : (
              messages.map((message) => (
                <MessageItem
                  key={message.id}
                  message={message}
                  authorName={nameOf(message.authorId)}
                  mine={message.authorId === userId}
                  userId={userId}
                  store={store}
                />
              ))
            )}
          </ol>
        </div>
      </div>
      <Composer channel={channel} />
    </>
  )
}
