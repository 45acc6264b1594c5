// WebSocket close codes the sync Durable Object uses, read by the browser's leader worker to tell the
// page why its connection ended. 4000–4999 are reserved for applications.
export const SYNC_CLOSE = {
  /** A frame was malformed (1008: policy violation). */
  refusedMessage: 1008,
  /** The user's membership or the workspace is gone: do not reconnect. */
  accessRevoked: 4403,
  /** The user's role changed: reconnect, and the route reads the new role from D1. */
  roleChanged: 4409,
  /** A pushed batch was refused (the reason says why); nothing of it was stored. */
  pushRefused: 4422,
} as const
