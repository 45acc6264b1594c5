// `npm run rename -- "Acme Notes" [--slug acme-notes]`: gives a fork its own identity. Writes the
// name into lib/product.ts (pages, metadata, emails, better-auth read it there) and the slug, derived
// from the name unless given, as the Worker, D1 database and package name in lib/product.ts,
// wrangler.toml, package.json and package-lock.json, then regenerates cloudflare-env.d.ts (wrangler's
// binding types name the Worker). Safe to run again with another name.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import { slugify } from '../lib/slug.ts'
import { offlineEnv } from './offline-env.mjs'

const PRODUCT_FILE = 'lib/product.ts'

/** The slug a name suggests: at most 54 characters, so that the "-dev" Worker name fits in 63. */
export const slugOf = (name) => slugify(name, 54)

/** Why `name` or `slug` cannot be used, or undefined. The "-dev" Worker name must fit in 63 characters. */
export const identityProblem = ({ name, slug }) => {
  if (typeof name !== 'string' || name.trim() === '') return 'Give the product a name: npm run rename -- "Acme Notes"'
  if (name.length > 80) return 'The name is longer than 80 characters'
  if (/[\n\r\\]/.test(name)) return 'The name may not contain line breaks or backslashes'
  if (!/^[a-z0-9](?:[a-z0-9-]{0,52}[a-z0-9])?$/.test(slug))
    return `"${slug}" is not a usable slug: 1–54 lowercase letters, digits and dashes, not starting or ending with a dash (pass --slug)`
  return undefined
}

const quoteTs = (value) => `'${value.replace(/'/g, "\\'")}'`
const fieldPattern = (field) => new RegExp(`^(\\s+${field}: )'((?:[^'\\\\]|\\\\.)*)'`, 'm')
const readField = (source, field) => {
  const match = source.match(fieldPattern(field))
  if (match === null) throw new Error(`${PRODUCT_FILE} has no ${field}: '…' line`)
  return match[2].replace(/\\'/g, "'")
}

/** Rewrites the identity under `root`; returns the files it changed. */
export const rename = ({ root, name, slug }) => {
  const problem = identityProblem({ name, slug })
  if (problem !== undefined) throw new Error(problem)
  const read = (file) => readFileSync(join(root, file), 'utf8')
  const changed = []
  const write = (file, before, after) => {
    if (before === after) return
    writeFileSync(join(root, file), after)
    changed.push(file)
  }

  const productSource = read(PRODUCT_FILE)
  const old = { name: readField(productSource, 'name'), slug: readField(productSource, 'slug') }
  const setField = (source, field, value) => source.replace(fieldPattern(field), `$1${quoteTs(value)}`)
  let product = setField(setField(productSource, 'name', name), 'slug', slug)
  // The sender name follows the product name unless someone chose another one.
  if (readField(productSource, 'emailSenderName') === old.name) product = setField(product, 'emailSenderName', name)
  write(PRODUCT_FILE, productSource, product)

  // Whole-word occurrences of the old slug: the Worker (and its "-dev" twin), the D1 database, script_name.
  const slugPattern = new RegExp(`(?<![a-z0-9-])${old.slug.replace(/[-]/g, '\\-')}(?![a-z0-9])`, 'g')
  const wrangler = read('wrangler.toml')
  write('wrangler.toml', wrangler, wrangler.replace(slugPattern, slug))

  for (const file of ['package.json', 'package-lock.json']) {
    const source = read(file)
    const json = JSON.parse(source)
    json.name = slug
    if (json.packages?.[''] !== undefined) json.packages[''].name = slug
    write(file, source, `${JSON.stringify(json, null, 2)}\n`)
  }
  return { old, changed }
}

const main = () => {
  const { values, positionals } = parseArgs({ options: { slug: { type: 'string' } }, allowPositionals: true })
  const name = positionals.join(' ').trim()
  const slug = values.slug ?? slugOf(name)
  try {
    const root = fileURLToPath(new URL('..', import.meta.url))
    const { old, changed } = rename({ root, name, slug })
    // The binding types wrangler generates from wrangler.toml (npm run cf-typegen) name the Worker too.
    execFileSync('npm', ['run', '--silent', 'cf-typegen'], {
      cwd: root,
      env: offlineEnv(),
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    changed.push('cloudflare-env.d.ts')
    console.log(`Renamed "${old.name}" (${old.slug}) to "${name}" (${slug}).`)
    console.log(changed.length > 0 ? `Changed: ${changed.join(', ')}` : 'Nothing to change.')
    console.log('Next: README, "Deploying": create the D1 database under the new name and put its id in wrangler.toml.')
  } catch (error) {
    console.error(`rename: ${error instanceof Error ? error.message : error}`)
    process.exitCode = 1
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main()
