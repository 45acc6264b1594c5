// better-auth's HTTP API (/api/auth/*): email links, OAuth callbacks and the browser client.
import { createAuth } from '@/lib/auth/auth'
import { getEnv, originFromHeaders } from '@/lib/auth/server'

const handle = async (request: Request) =>
  createAuth(await getEnv(), originFromHeaders(request.headers)).handler(request)

export { handle as GET, handle as POST }
