'use client'

// The example app: a shared task list. Every action is an event committed locally (optimistic, works
// offline); the leader worker syncs it.
import { type FormEvent, useState } from 'react'

import { Button } from '@/components/ui/button'
import { useWorkspaceStore } from '@/components/workspace-store/store'
import { useMemberName, useWorkspace } from '@/components/workspace-store/workspace-context'
import { mayCommit } from '@/lib/livestore/event-rules'
import { events, MAX_TASK_TITLE_LENGTH } from '@/lib/livestore/schema'

import { openTasks$ } from './queries'

export function TaskList() {
  const store = useWorkspaceStore()
  const { userId, role } = useWorkspace()
  const nameOf = useMemberName()
  const tasks = store.useQuery(openTasks$)
  const [title, setTitle] = useState('')

  const addTask = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const trimmed = title.trim()
    if (trimmed === '') return
    store.commit(events.taskAdded({ id: crypto.randomUUID(), title: trimmed, userId, at: new Date() }))
    setTitle('')
  }

  return (
    <section className="flex flex-col gap-4" data-testid="tasks">
      <form onSubmit={addTask} className="flex gap-2">
        <label htmlFor="task-title" className="sr-only">
          New task
        </label>
        <input
          id="task-title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={MAX_TASK_TITLE_LENGTH}
          placeholder="New task"
          className="w-full rounded-md border border-zinc-300 bg-transparent px-3 py-2 text-sm dark:border-zinc-700"
        />
        <Button>Add</Button>
      </form>
      {tasks.length === 0 ? (
        <p className="text-sm text-zinc-500">No tasks yet.</p>
      ) : (
        <ul aria-label="Tasks" className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
          {tasks.map((task) => (
            <li key={task.id} className="flex items-center gap-3 py-2 text-sm" data-testid="task">
              <input
                type="checkbox"
                aria-label={`Done: ${task.title}`}
                checked={task.completedAt !== null}
                onChange={() => {
                  const change = task.completedAt === null ? events.taskCompleted : events.taskReopened
                  store.commit(change({ id: task.id, userId, at: new Date() }))
                }}
              />
              <span data-testid="task-title" className={task.completedAt === null ? '' : 'text-zinc-500 line-through'}>
                {task.title}
              </span>
              <span className="text-xs text-zinc-500">{nameOf(task.createdBy)}</span>
              {mayCommit(role, 'v1.TaskDeleted') && (
                <button
                  type="button"
                  className="ml-auto text-xs text-zinc-500 underline-offset-4 hover:underline"
                  onClick={() => store.commit(events.taskDeleted({ id: task.id, userId, at: new Date() }))}
                >
                  Delete
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
