// The Worker's environment as the app reads it: the bindings and required secrets that wrangler types
// from wrangler.toml (CloudflareEnv, cloudflare-env.d.ts), plus the optional variables listed in README.
export type OptionalEnv = {
  /** Canonical origin of the app (links in emails). Falls back to the request's origin. */
  BETTER_AUTH_URL?: string
  /** Resend API key: when set, email goes out through Resend. */
  RESEND_API_KEY?: string
  /** Sender address for Resend, e.g. "Acme <noreply@acme.example>". */
  EMAIL_FROM?: string
  /** "true" keeps the dev mailbox (D1 + /dev/mailbox) in a production build, for previews and tests. */
  DEV_MAILBOX?: string
  /** Lifetime of sync tokens in seconds (30–3600, default 300). */
  SYNC_TOKEN_TTL_SECONDS?: string
  GITHUB_CLIENT_ID?: string
  GITHUB_CLIENT_SECRET?: string
  GOOGLE_CLIENT_ID?: string
  GOOGLE_CLIENT_SECRET?: string
}

export type AppEnv = CloudflareEnv & OptionalEnv

/** The dev mailbox works in dev builds, and in production builds only when explicitly enabled. */
export const devMailboxEnabled = (env: OptionalEnv): boolean =>
  process.env.NODE_ENV !== 'production' || env.DEV_MAILBOX === 'true'
