// What `npm run deploy` checks before it uploads anything, as plain functions of what it found:
// the wrangler config (read by wrangler itself), the names of the secrets the Worker has on Cloudflare,
// and the gzipped size of the built Worker. Each problem says what to do about it.

/** The id wrangler.toml ships with; a real one comes from `wrangler d1 create`. */
export const PLACEHOLDER_DATABASE_ID = '00000000-0000-0000-0000-000000000000'

/** Gzipped Worker size limits per Workers plan (developers.cloudflare.com/workers/platform/limits). */
export const PLAN_LIMITS_KIB = { free: 3 * 1024, paid: 10 * 1024 }

/** Problems with the config itself: the D1 database id, the dev mailbox, the required secrets list. */
export const configProblems = (config) => {
  const problems = []
  const database = config.d1_databases?.find((d1) => d1.binding === 'DB')
  if (database === undefined) problems.push('wrangler.toml has no D1 database bound as DB.')
  else if (!database.database_id || database.database_id === PLACEHOLDER_DATABASE_ID)
    problems.push(
      `The D1 database id in wrangler.toml is still the placeholder. Create the database with ` +
        `\`npx wrangler d1 create ${database.database_name}\` and put the printed database_id in wrangler.toml ` +
        `(the top-level [[d1_databases]], not [env.dev]).`,
    )
  if (config.vars?.DEV_MAILBOX === 'true')
    problems.push(
      'DEV_MAILBOX is "true" in wrangler.toml: the deployed app would show every email it sends at /dev/mailbox. Set it to "false".',
    )
  return problems
}

/**
 * Problems with the Worker's secrets and email settings on Cloudflare. `secretNames` are the names
 * `wrangler secret list` printed; `vars` the plain variables of wrangler.toml.
 */
export const secretProblems = ({ required, secretNames, vars }) => {
  const has = (name) => secretNames.includes(name) || (vars?.[name] ?? '') !== ''
  const put = (name, what) => `\`npx wrangler secret put ${name}\`${what ? ` (${what})` : ''}`
  const problems = []
  for (const name of required)
    if (!secretNames.includes(name))
      problems.push(
        `The secret ${name} is not set on the Worker. Set it with ${put(name, name === 'BETTER_AUTH_SECRET' ? 'a long random string, e.g. from `openssl rand -base64 32`' : '')}.`,
      )
  if (!has('RESEND_API_KEY'))
    problems.push(
      `No email provider: sign-up verification, password resets and invitations cannot be sent. Create a Resend API key ` +
        `and set it with ${put('RESEND_API_KEY')}, and the sender with ${put('EMAIL_FROM', 'e.g. noreply@your-domain, verified in Resend')}.`,
    )
  else if (!has('EMAIL_FROM'))
    problems.push(`RESEND_API_KEY is set but EMAIL_FROM is not: set the sender with ${put('EMAIL_FROM')}.`)
  for (const provider of ['GITHUB', 'GOOGLE']) {
    const id = `${provider}_CLIENT_ID`
    const secret = `${provider}_CLIENT_SECRET`
    if (has(id) !== has(secret))
      problems.push(`${has(id) ? id : secret} is set but ${has(id) ? secret : id} is not: set both, or neither.`)
  }
  return problems
}

/** Things worth saying that do not stop a deploy. */
export const secretNotes = ({ secretNames, vars }) =>
  secretNames.includes('BETTER_AUTH_URL') || (vars?.BETTER_AUTH_URL ?? '') !== ''
    ? []
    : [
        'BETTER_AUTH_URL is not set: links in emails use the origin of the request that sent them. Set it to your ' +
          'canonical https origin once you have a custom domain (`npx wrangler secret put BETTER_AUTH_URL`).',
      ]

export const sizeProblem = ({ gzipKiB, plan }) => {
  const limit = PLAN_LIMITS_KIB[plan]
  if (limit === undefined) return `Unknown Workers plan "${plan}": use free or paid.`
  if (gzipKiB <= limit) return undefined
  return (
    `The Worker is ${(gzipKiB / 1024).toFixed(2)} MiB gzipped, over the ${plan} plan's ${limit / 1024} MiB. ` +
    'Run `npm run size` for what is large in it' +
    (plan === 'free' ? ', or deploy on the paid plan with `npm run deploy -- --plan paid`.' : '.')
  )
}
