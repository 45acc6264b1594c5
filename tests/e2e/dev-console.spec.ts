import type { ConsoleMessage, Page } from '@playwright/test'
import { driver } from '../app-under-test.ts'
import { expect, test } from './fixtures'
import { signUpAndVerify, unique } from './helpers'
import { devServer, type PreviewServer } from './preview-server'

// `npm run dev` as a developer opens it: every page of the app, signed out and signed in, with the
// browser console clean (no error, no warning), no failed request (e.g. a devtools probe answered 404)
// and no issue badge from Next's dev overlay. Its own dev server, on its own local state.
test.describe.configure({ mode: 'serial' })

let server: PreviewServer
// next dev compiles each route on its first request.
const slow = expect.configure({ timeout: 90_000 })

test.beforeAll(async () => {
  test.setTimeout(300_000)
  server = devServer({ port: 3107, syncPort: 8807, stateDir: '.wrangler/e2e-dev-state' })
  await server.start()
})

test.afterAll(async () => {
  await server?.kill()
})

/** Console errors and warnings, uncaught errors and failed requests of `page`, as text. */
const watchConsole = (page: Page) => {
  const problems: string[] = []
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console.${message.type()} on ${page.url()}: ${message.text()}`)
  }
  page.on('console', onConsole)
  page.on('worker', (worker) => worker.on('console', onConsole))
  page.on('pageerror', (error) => problems.push(`uncaught on ${page.url()}: ${error.message}`))
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`)
  })
  return problems
}

/** Next's dev overlay shows "N Issue(s)" when React or Next reported something. */
const expectNoIssueBadge = async (page: Page) => {
  await expect(page.locator('nextjs-portal').getByText(/\d+ Issues?/)).toHaveCount(0)
}

test('every page opens clean under npm run dev', async ({ browser }) => {
  test.setTimeout(600_000)
  const id = unique()
  const slug = `dev-${id}`
  const visitor = await (await browser.newContext({ baseURL: server.baseURL })).newPage()
  const visitorProblems = watchConsole(visitor)
  for (const path of ['/', '/sign-in', '/sign-up', '/forgot-password']) {
    await visitor.goto(path)
    await slow(visitor.getByRole('heading').first()).toBeVisible()
    await expectNoIssueBadge(visitor)
  }
  expect(visitorProblems).toEqual([])

  const ann = await signUpAndVerify(browser, 'Ann', `ann-${id}@example.test`, 'ann password 1', {
    baseURL: server.baseURL,
  })
  const problems = watchConsole(ann)
  await ann.getByLabel('Workspace name').fill(`Dev ${id}`)
  await ann.getByRole('button', { name: 'Create workspace' }).click()
  await slow(ann).toHaveURL(new RegExp(`/w/${slug}$`))
  await slow(ann.getByTestId('sync-status')).toBeVisible()
  await driver.ready(ann)
  await driver.prepare(ann)
  await driver.add(ann, 'hello from dev')
  await slow(driver.items(ann)).toHaveText(['hello from dev'])
  await slow(ann.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced')
  await expectNoIssueBadge(ann)
  for (const path of [`/w/${slug}/activity`, `/w/${slug}/members`, `/w/${slug}/settings`, '/account', `/w/${slug}`]) {
    await ann.goto(path)
    await slow(ann.getByRole('heading').first()).toBeVisible()
    if (path.endsWith('/activity')) await slow(ann.getByTestId('activity').first()).toBeVisible()
    await expectNoIssueBadge(ann)
  }
  // The workspace page again, after a reload: the store opens from the browser's copy.
  await ann.reload()
  await slow(driver.items(ann)).toHaveText(['hello from dev'])
  await expectNoIssueBadge(ann)
  expect(problems).toEqual([])
})
