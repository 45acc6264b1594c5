// The product's identity, in one place: pages, metadata, emails and better-auth read it from here.
// `npm run rename -- "Your Product"` rewrites `name` and `slug` here and the same slug in wrangler.toml
// (Worker and D1 database names) and package.json; edit the rest by hand.
export const product = {
  /** Shown in titles, headings, emails and better-auth (e.g. authenticator labels). */
  name: 'Local-first SaaS starter',
  /** The Worker, D1 database and package name: lowercase letters, digits and dashes. */
  slug: 'local-first-saas-starter',
  description: 'Next.js on Cloudflare Workers with LiveStore synced through Durable Objects and D1.',
  /** The display name on outgoing email; the address is EMAIL_FROM. */
  emailSenderName: 'Local-first SaaS starter',
  /** Where people reach you; shown in email footers. Empty: no contact line. */
  supportEmail: '',
  /**
   * The product's public origin (e.g. https://acme.example): Next's metadataBase, for absolute URLs in
   * page metadata. Email links and better-auth use BETTER_AUTH_URL, set per deployment.
   */
  url: '',
} as const

/** "Name <address>" for an outgoing email, unless EMAIL_FROM already names its sender. */
export const emailFrom = (address: string) =>
  address.includes('<') ? address : `${product.emailSenderName} <${address}>`
