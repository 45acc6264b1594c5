// Types of the load engine (sync-load.mjs), for the TypeScript callers (tests/e2e/sync-load.spec.ts).

/** A seeded workspace; `clients` overrides clientsPerWorkspace for it (clients take the members in turn). */
export type LoadWorkspace = { workspaceId: string; userIds: string[]; clients?: number }

export type SyncLoadOptions = {
  /** http://127.0.0.1:PORT of a server serving /sync (the preview build). */
  baseUrl: string
  /** The server's BETTER_AUTH_SECRET: sync tokens are signed with a key derived from it. */
  secret: string
  workspaces: LoadWorkspace[]
  clientsPerWorkspace: number
  /** How long clients commit new messages. */
  durationMs: number
  /** Mean messages per second per client (gaps jittered ±50 %). */
  messagesPerSecond: number
  /** Bound on the wait for pending pushes and broadcasts after the push phase (default 15 s). */
  drainMs?: number
  connectTimeoutMs?: number
  /** Re-read every workspace's log with a fresh non-live pull afterwards (default true). */
  verify?: boolean
  log?: (line: string) => void
}

export type Percentiles = {
  pairs: number
  p50: number | null
  p95: number | null
  p99: number | null
  max: number | null
}

export type Summary = { count: number; p50: number | null; p95: number | null; max: number | null }

export type Verification = {
  workspaces: number
  events: number
  missing: number
  duplicated: number
  /** Stored by the server but never acknowledged to us (a push in flight when the clients closed). */
  storedUnacknowledged: number
  seqGaps: number
  failures: string[]
}

export type SyncLoadResult = {
  benchmark: string
  config: {
    baseUrl: string
    clients: number
    workspaces: number
    clientsPerWorkspace: number
    durationS: number
    messagesPerSecondPerClient: number
    drainMaxS: number
  }
  generated: number
  pushed: number
  unacknowledged: number
  delivered: number
  lost: number
  missingDeliveries: number
  duplicated: number
  outOfOrder: number
  refused: number
  errors: number
  errorSamples: string[]
  rebases: number
  pushRequests: number
  acceptedPushes: number
  pushRttMs: { accepted: Summary; refused: Summary }
  catchUpMs: Summary
  /** Arrival at a receiver minus the sender's first push attempt, over all (message, receiver) pairs. */
  latencyMs: Percentiles
  /** The same from the moment the message was committed (what the person who sent it waits). */
  commitToDeliveryMs: Summary
  throughput: {
    messagesPerSecond: number | null
    perWorkspaceMessagesPerSecond: number | null
    acceptedPushesPerSecond: number | null
    d1EventInsertsPerSecond: number | null
    deliveriesPerSecond: number | null
  }
  drainS: number | null
  verification: Verification | null
  loadGenerator: { eventLoopDelayP99Ms: number | null; eventLoopDelayMaxMs: number | null }
  node: string
  cpus: number
  loadAverage: { before: number | null; after: number | null }
}

export declare const runSyncLoad: (options: SyncLoadOptions) => Promise<SyncLoadResult>
