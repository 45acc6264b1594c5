// The task list's reactive queries.
import { queryDb } from '@livestore/livestore'

import { tables } from '@/lib/livestore/schema'

export const openTasks$ = queryDb(
  tables.tasks.where({ deletedAt: null }).orderBy([
    { col: 'createdAt', direction: 'asc' },
    { col: 'id', direction: 'asc' },
  ]),
  { label: 'openTasks' },
)

export const allTasks$ = queryDb(tables.tasks, { label: 'allTasks' })
