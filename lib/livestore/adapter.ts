// The browser adapter: a leader web worker per tab over OPFS, coordinated through one shared worker.
// Client-only: import it from code that never runs during server rendering.
import { makePersistedAdapter } from '@livestore/adapter-web'

export const adapter = makePersistedAdapter({
  storage: { type: 'opfs' },
  worker: ({ name }) => new Worker(new URL('./livestore.worker.ts', import.meta.url), { type: 'module', name }),
  sharedWorker: ({ name }) =>
    new SharedWorker(new URL('@livestore/adapter-web/shared-worker', import.meta.url), { type: 'module', name }),
})
