// The sync side on its own: the /sync route and its Durable Object, without the Next.js app.
// `npm run dev` runs it beside `next dev` (which does not run worker.ts), and the workerd tests use it.
import { errorResponse } from '../http-error'
import { handleSync, isSyncRequest, type SyncEnv } from './sync-route'

export { SyncBackendDO } from '../../durable-objects/sync-backend'

export default {
  fetch: (request, env, ctx) =>
    isSyncRequest(request)
      ? handleSync(request, env, ctx)
      : errorResponse(404, 'not_found', 'only /sync is served here'),
} satisfies ExportedHandler<SyncEnv>
