'use client'

import { queryDb, StoreRegistry } from '@livestore/livestore'
import { StoreRegistryProvider, useStore } from '@livestore/react'
import { type FormEvent, Suspense, useState } from 'react'
import { unstable_batchedUpdates as batchUpdates } from 'react-dom'

import { adapter } from '@/lib/livestore/adapter'
import { events, MAX_ITEM_TEXT_LENGTH, schema, tables } from '@/lib/livestore/schema'

const items$ = queryDb(tables.items.orderBy('createdAt', 'asc'), { label: 'items' })

const usePlaygroundStore = (storeId: string) => useStore({ storeId, schema, adapter, batchUpdates })

function ItemList({ storeId }: { storeId: string }) {
  const store = usePlaygroundStore(storeId)
  const items = store.useQuery(items$)
  const status = store.useSyncStatus()
  const [text, setText] = useState('')

  const addItem = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const trimmed = text.trim()
    if (trimmed === '') return
    store.commit(events.itemAdded({ id: crypto.randomUUID(), text: trimmed, createdAt: new Date() }))
    setText('')
  }

  return (
    <section className="flex flex-col gap-4" data-testid="playground" data-ready="true">
      <form onSubmit={addItem} className="flex gap-2">
        <label htmlFor="new-item" className="sr-only">
          New item
        </label>
        <input
          id="new-item"
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={MAX_ITEM_TEXT_LENGTH}
          placeholder="Add an item"
          className="flex-1 rounded-md border border-zinc-300 bg-transparent px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-zinc-900 dark:border-zinc-700 dark:focus-visible:outline-zinc-100"
        />
        <button
          type="submit"
          className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-900 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
        >
          Add
        </button>
      </form>
      <ul
        className="flex flex-col divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
        aria-label="Items"
      >
        {items.length === 0 ? (
          <li className="px-3 py-2 text-sm text-zinc-500">No items yet.</li>
        ) : (
          items.map((item) => (
            <li key={item.id} className="px-3 py-2 text-sm" data-testid="item">
              {item.text}
            </li>
          ))
        )}
      </ul>
      <p className="text-xs text-zinc-500" role="status">
        {status.isSynced ? 'All changes saved locally' : `${status.pendingCount} changes being saved`}
      </p>
    </section>
  )
}

export function PlaygroundApp({ storeId }: { storeId: string }) {
  const [registry] = useState(() => new StoreRegistry())
  return (
    <StoreRegistryProvider storeRegistry={registry}>
      <Suspense fallback={<p className="text-sm text-zinc-500">Opening store…</p>}>
        <ItemList storeId={storeId} />
      </Suspense>
    </StoreRegistryProvider>
  )
}
