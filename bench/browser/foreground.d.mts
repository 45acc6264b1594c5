// Types of foreground.mjs, for its TypeScript callers (tests/unit/bench-foreground.test.ts).
export declare const withOthersInBackground: <T>(
  rendererPid: number | undefined,
  run: () => Promise<T>,
) => Promise<{ result: T; othersLowered: 'autogroup' | 'threads' | null }>
