// Password hashing with the runtime's native WebCrypto (PBKDF2-HMAC-SHA-256). better-auth's default,
// scrypt in pure JavaScript, costs far more CPU than a Worker request may spend (10 ms on the free plan).
// Stored format: pbkdf2-sha256$<iterations>$<salt, base64url>$<hash, base64url>
export const MIN_PASSWORD_LENGTH = 10
export const MAX_PASSWORD_LENGTH = 128
export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters.`

const ALGORITHM = 'pbkdf2-sha256'
/** Cloudflare Workers accept at most 100,000 PBKDF2 iterations; OWASP asks 600,000 for SHA-256, so we take the cap. */
export const PBKDF2_ITERATIONS = 100_000
const SALT_BYTES = 16
const HASH_BITS = 256

const toBase64Url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')

const fromBase64Url = (text: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'))
  return Uint8Array.from(binary, (char) => char.charCodeAt(0))
}

const derive = async (password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> => {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password.normalize('NFKC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  )
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS)
  return new Uint8Array(bits)
}

/** Compares without an early exit, so the time taken says nothing about where two hashes differ. */
const equalInConstantTime = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.length !== b.length) return false
  let difference = 0
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return difference === 0
}

export const hashPassword = async (password: string): Promise<string> => {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const hash = await derive(password, salt, PBKDF2_ITERATIONS)
  return [ALGORITHM, PBKDF2_ITERATIONS, toBase64Url(salt), toBase64Url(hash)].join('$')
}

export const verifyPassword = async ({ hash, password }: { hash: string; password: string }): Promise<boolean> => {
  const [algorithm, iterations, salt, expected] = hash.split('$')
  const rounds = Number(iterations)
  if (algorithm !== ALGORITHM || !Number.isInteger(rounds) || rounds < 1 || rounds > PBKDF2_ITERATIONS) return false
  if (salt === undefined || expected === undefined) return false
  const actual = await derive(password, fromBase64Url(salt), rounds)
  return equalInConstantTime(actual, fromBase64Url(expected))
}
