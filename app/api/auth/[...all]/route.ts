// better-auth's HTTP API (/api/auth/*): email links, OAuth callbacks and the browser client.
import { getCloudflareContext } from '@opennextjs/cloudflare'

import { createAuth } from '@/lib/auth/auth'
import type { AppEnv } from '@/lib/env'

const handle = (request: Request) =>
  createAuth(getCloudflareContext().env as AppEnv, new URL(request.url).origin).handler(request)

export { handle as GET, handle as POST }
