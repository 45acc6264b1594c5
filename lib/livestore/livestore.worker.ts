// LiveStore's leader worker: owns the OPFS SQLite database and the WebSocket to the sync route.
import { makeWorker } from '@livestore/adapter-web/worker'
import { makeWsSync } from '@livestore/sync-cf/client'

import { schema } from './schema'
import { installSyncSocket } from './sync-socket'

// In production the sync route is the app's own origin (worker.ts answers /sync). Under `npm run dev`
// Next's dev server cannot, so the dev script points NEXT_PUBLIC_SYNC_URL at the sync worker beside it.
const syncUrl = process.env.NEXT_PUBLIC_SYNC_URL || `${globalThis.location.origin}/sync`

// Before makeWorker: sync-cf constructs its sockets through globalThis.WebSocket.
installSyncSocket()

makeWorker({
  schema,
  sync: {
    backend: makeWsSync({ url: syncUrl }),
    // Start from local data at once; pulling from the server goes on in the background (offline-first).
    initialSyncOptions: { _tag: 'Skip' },
  },
})
