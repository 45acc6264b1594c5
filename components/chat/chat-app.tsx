'use client'

// The demo app: channels and messages over the workspace's LiveStore store. Every action is an event
// committed locally (optimistic, works offline); the leader worker syncs it.
import { type FormEvent, useState } from 'react'

import { Button } from '@/components/ui/button'
import { useWorkspaceStore } from '@/components/workspace-store/store'
import { useWorkspace } from '@/components/workspace-store/workspace-context'
import { mayCommit } from '@/lib/livestore/event-rules'
import { events, MAX_CHANNEL_NAME_LENGTH } from '@/lib/livestore/schema'

import { ChannelView } from './channel-view'
import { openChannels$ } from './queries'
import { channelButtonClass, chatLayoutClass, inputClass } from './styles'

/** The workspace's main page: rendered by the template inside the workspace's store (components/workspace-app.ts). */
export function ChatApp() {
  const store = useWorkspaceStore()
  const { userId, role } = useWorkspace()
  const channels = store.useQuery(openChannels$)
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined)
  const [newName, setNewName] = useState('')
  const selected = channels.find((c) => c.id === selectedId) ?? channels[0]

  const createChannel = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const name = newName.trim()
    if (name === '') return
    const id = crypto.randomUUID()
    store.commit(events.channelCreated({ id, name, userId, at: new Date() }))
    setSelectedId(id)
    setNewName('')
  }

  return (
    <div className={chatLayoutClass} data-testid="chat" data-ready="true">
      <aside className="flex flex-col gap-3">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-zinc-500">Channels</h2>
        <ul aria-label="Channels" className="flex flex-col gap-1">
          {channels.map((channel) => (
            <li key={channel.id}>
              <button
                type="button"
                onClick={() => setSelectedId(channel.id)}
                aria-current={channel.id === selected?.id ? 'true' : undefined}
                className={channelButtonClass}
              >
                # {channel.name}
              </button>
            </li>
          ))}
        </ul>
        {mayCommit(role, 'v1.ChannelCreated') && (
          <form onSubmit={createChannel} className="flex flex-col gap-2">
            <label htmlFor="new-channel" className="text-xs text-zinc-500">
              New channel
            </label>
            <input
              id="new-channel"
              value={newName}
              onChange={(e) => setNewName(e.target.value)}
              maxLength={MAX_CHANNEL_NAME_LENGTH}
              placeholder="e.g. general"
              className={inputClass}
            />
            <Button>Create channel</Button>
          </form>
        )}
      </aside>
      <section className="flex min-w-0 flex-col gap-4">
        {selected === undefined ? (
          <p className="text-sm text-zinc-500">No channels yet. Create one to start talking.</p>
        ) : (
          <ChannelView key={selected.id} channel={selected} />
        )}
      </section>
    </div>
  )
}
