// The browser's copies of workspace stores: LiveStore keeps each in an OPFS directory named
// `livestore-<storeId>@<format>`. Signing out deletes them, so the next person on this browser
// finds none of the previous user's data.
const STORE_DIRECTORY_PREFIX = 'livestore-'

const storeDirectories = async (): Promise<string[]> => {
  const root = await navigator.storage.getDirectory()
  const names: string[] = []
  // entries() is in every browser with OPFS; TypeScript's DOM lib lacks it.
  for await (const [name] of (root as unknown as { entries(): AsyncIterable<[string, unknown]> }).entries()) {
    if (name.startsWith(STORE_DIRECTORY_PREFIX)) names.push(name)
  }
  return names
}

/** Deletes every local store; retries while workers that are shutting down still hold files open. */
export const deleteLocalStores = async ({ attempts = 20, delayMs = 250 } = {}): Promise<void> => {
  if (typeof navigator === 'undefined' || navigator.storage?.getDirectory === undefined) return
  const root = await navigator.storage.getDirectory()
  for (let attempt = 1; ; attempt++) {
    const remaining = await storeDirectories()
    if (remaining.length === 0) return
    const results = await Promise.allSettled(remaining.map((name) => root.removeEntry(name, { recursive: true })))
    if (results.every((result) => result.status === 'fulfilled')) return
    if (attempt >= attempts) throw new Error(`could not delete ${remaining.length} local store(s)`)
    await new Promise((resolve) => setTimeout(resolve, delayMs))
  }
}
