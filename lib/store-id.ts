// A storeId names one LiveStore store and, on the server, one Durable Object and one D1 event-log table.
// sync-cf turns the storeId into a table name by replacing non-alphanumerics with "_", and SQLite table
// names ignore case, so only lowercase letters, digits and "_" keep two different ids from colliding.
export const STORE_ID_PATTERN = /^[a-z0-9_]{1,64}$/

export const isValidStoreId = (value: unknown): value is string =>
  typeof value === 'string' && STORE_ID_PATTERN.test(value)

export const storeIdProblem = (value: unknown): string | undefined =>
  isValidStoreId(value) ? undefined : 'storeId must be 1 to 64 characters of lowercase letters, digits or "_"'
