'use client'

import { type FormEvent, memo, useState } from 'react'

import { Button } from '@/components/ui/button'
import type { WorkspaceStore } from '@/components/workspace-store/store'
import { events, MAX_MESSAGE_LENGTH, type tables } from '@/lib/livestore/schema'

import {
  authorClass,
  deletedMessageClass,
  inputClass,
  messageItemClass,
  messageMetaClass,
  messageTextClass,
  quietButtonClass,
} from './styles'

type Message = typeof tables.messages.Type

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

type MessageItemProps = {
  message: Message
  authorName: string
  /** Written by the signed-in member: they may edit and delete it. */
  mine: boolean
  userId: string
  store: WorkspaceStore
}

const time = (date: Date | null) => date?.getTime() ?? null

// Query results are new objects on every change of the table: compare what a row shows instead, so a
// new message renders one row, not the whole window.
const sameRow = (a: MessageItemProps, b: MessageItemProps) =>
  a.message.id === b.message.id &&
  a.message.text === b.message.text &&
  time(a.message.createdAt) === time(b.message.createdAt) &&
  time(a.message.editedAt) === time(b.message.editedAt) &&
  time(a.message.deletedAt) === time(b.message.deletedAt) &&
  a.authorName === b.authorName &&
  a.mine === b.mine &&
  a.userId === b.userId &&
  a.store === b.store

export const MessageItem = memo(function MessageItem({ message, authorName, mine, userId, store }: MessageItemProps) {
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState(message.text)

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const trimmed = text.trim()
    if (trimmed !== '' && trimmed !== message.text) {
      store.commit(events.messageEdited({ id: message.id, text: trimmed, userId, at: new Date() }))
    }
    setEditing(false)
  }

  return (
    <li className={messageItemClass} data-testid="message">
      <div className={messageMetaClass}>
        <span className={authorClass} data-testid="message-author">
          {authorName}
        </span>
        <time dateTime={message.createdAt.toISOString()}>{timeFormat.format(message.createdAt)}</time>
        {message.editedAt !== null && message.deletedAt === null && <span>(edited)</span>}
        {mine && message.deletedAt === null && !editing && (
          <span className="ml-auto flex gap-3">
            <button
              type="button"
              className={quietButtonClass}
              onClick={() => {
                setText(message.text)
                setEditing(true)
              }}
            >
              Edit
            </button>
            <button
              type="button"
              className={quietButtonClass}
              onClick={() => store.commit(events.messageDeleted({ id: message.id, userId, at: new Date() }))}
            >
              Delete
            </button>
          </span>
        )}
      </div>
      {message.deletedAt !== null ? (
        <p className={deletedMessageClass}>Message deleted</p>
      ) : editing ? (
        <form onSubmit={save} className="flex gap-2">
          <label htmlFor={`edit-${message.id}`} className="sr-only">
            Edit message
          </label>
          <input
            id={`edit-${message.id}`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={MAX_MESSAGE_LENGTH}
            className={inputClass}
          />
          <Button>Save</Button>
          <button type="button" className={quietButtonClass} onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <p className={messageTextClass} data-testid="message-text">
          {message.text}
        </p>
      )}
    </li>
  )
}, sameRow)
