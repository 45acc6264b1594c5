// Types of the browser benchmark's engine (measure.mjs), for its TypeScript caller
// (tests/e2e/browser-bench.spec.ts).
import type { BrowserContext } from '@playwright/test'

export type BrowserBenchSizes = {
  /** Items per latency run (each run: one rate, one workspace size). */
  latencyItems: number
  /** Items added while offline. */
  backlog: number
  /** Events in the workspace for the "large" measures (items seeded through the sync protocol). */
  largeWorkspace: number
  /** Sends traced for the longest main-thread task. */
  sendCostItems: number
  /** Warm reloads after each cold open (3 unless given), of a synced page; as many the moment it is ready. */
  warmReloads?: number
  timeoutMs?: number
}

export type Percentiles = {
  count: number
  p50: number | null
  p95: number | null
  p99: number | null
  max: number | null
}

export type Latency = Percentiles & {
  rate: number
  items: number
  missing: number
  medianLegsMs: { typedToPushed: number | null; pushedToReceived: number | null; receivedToShown: number | null }
}

/** Shown: the newest item on screen (the server's preview counts); ready: the live app shows it and takes input. */
export type Open = {
  events: number
  coldMs: number
  coldReadyMs: number
  /** The cold open's time until shown, split: Playwright's command and the old page's unload, the server, the page. */
  coldLegsMs: OpenLegs
  /** Reloads of a page in use: it said Synced (its leader connected and caught up). */
  warmReloadMs: Percentiles
  warmReloadMedianLegsMs: OpenLegs
  warmReadyMs: Percentiles
  /** Reloads the moment the page was ready, while its leader was still fetching a token and connecting. */
  warmReloadAtReadyMs: Percentiles
  warmReloadAtReadyMedianLegsMs: OpenLegs
}

export type OpenLegs = {
  untilNavigationStart: number | null
  navigationToFirstByte: number | null
  firstByteToShown: number | null
}

export type BrowserBenchResult = {
  benchmark: string
  cpus: number
  cpuModel: string | null
  /** The host's speed when the run began: ms of two fixed single-thread workloads (lower is faster). */
  calibrationMs: { compute: number; memory: number }
  sizes: BrowserBenchSizes
  latency: {
    empty: { at4PerSecond: Latency; at20PerSecond: Latency }
    large: { eventsInWorkspace: number; at4PerSecond: Latency; at20PerSecond: Latency }
  }
  backlog: {
    events: number
    msUntilOnScreen: number
    eventsPerSecond: number
    inBobsStore: number
    pushes: number
    eventsPushed: number
    serverAheadAnswers: number
    newest: string
    /** From going online: Ann's leader's first push, its last, Bob's leader receiving it, his page showing it. */
    legsMs: {
      onlineToFirstPush: number
      firstToLastPush: number
      lastPushedToReceived: number
      receivedToShown: number
    } | null
  }
  open: { small: Open; large: Open }
  sendCost: {
    eventsInWorkspace: number
    /** Ann's browser at the front of the machine, as on her own computer: the server's and Bob's processes lowered. */
    ownMachine: SendCost & {
      /** How they were lowered: their scheduling groups (autogroup), their threads' nice values, or not (null). */
      othersLowered: 'autogroup' | 'threads' | null
    }
    /** Every process at the same priority, as this one machine runs them all. */
    sharedMachine: SendCost
  }
}

export type SendCost = {
  sends: number
  longestTaskMs: Percentiles
  longestTaskCpuMs: Percentiles
  /** CPU time of every process on the machine per send, by kind, and the wall time per send (Linux; else null). */
  cpuPerSendMs: { wallMs: number; totalMs: number; byKindMs: Record<string, number> } | null
}

export declare const runBrowserBench: (options: {
  /** A browser with a new, empty profile on disk, opening pages on the server under test. */
  newProfile: () => Promise<BrowserContext>
  /** The server's origin (http://127.0.0.1:PORT), for seeding through the sync protocol. */
  baseURL: string
  sizes: BrowserBenchSizes
  log?: (line: string) => void
}) => Promise<BrowserBenchResult>
