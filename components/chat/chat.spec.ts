import type { Page } from '@playwright/test'

import { expect, test } from '../../tests/e2e/fixtures'
import { createWorkspace, joinAsMember, signUpAndVerify, unique } from '../../tests/e2e/helpers'
import { driver } from './testing'

// The chat demo's own features, in two browsers: channels, messages by author, editing and deleting
// one's own messages, renaming and archiving channels for managers, and what the activity page and the
// export say about them. The template's promises (sync, offline, revocation) are in tests/e2e.
test.describe.configure({ mode: 'serial' })

const id = unique()
const slug = `chat-${id}`
let ann: Page
let bob: Page
const messages = (page: Page) => page.getByTestId('message-text')

/**
 * Commits `count` messages "<channel> 1…count" from the page's member into a channel, in one go, as the app would,
 * written 100 ms apart from `from` (epoch ms; by default so that the last is now).
 */
const commitMessages = (page: Page, channel: string, count: number, from = Date.now() - count * 100) =>
  page.evaluate(
    async ([channelName, count, start]) => {
      const stores = Object.values(
        (globalThis as { __debugLiveStore?: Record<string, unknown> }).__debugLiveStore ?? {},
      )
      if (stores.length !== 1) throw new Error(`expected one open store, found ${stores.length}`)
      const store = stores[0] as {
        query: (q: { query: string; bindValues: Record<string, string> }) => Array<Record<string, string>>
        commit: (...events: unknown[]) => void
      }
      const [found] = store.query({
        query: 'SELECT id, createdBy FROM channels WHERE name = $name',
        bindValues: { name: channelName },
      })
      if (found === undefined) throw new Error(`no channel ${channelName}`)
      store.commit(
        ...Array.from({ length: count }, (_, i) => ({
          name: 'v1.MessageSent',
          args: {
            id: crypto.randomUUID(),
            channelId: found.id,
            text: `${channelName} ${i + 1}`,
            userId: found.createdBy,
            at: new Date(start + i * 100),
          },
        })),
      )
    },
    [channel, count, from] as const,
  )

test.beforeAll(async ({ browser }) => {
  ann = await signUpAndVerify(browser, 'Ann', `ann-${id}@example.test`, 'ann password 1')
  await createWorkspace(ann, `Chat ${id}`, slug)
  bob = await joinAsMember(browser, ann, slug, 'Bob', `bob-${id}@example.test`)
  await ann.goto(`/w/${slug}`)
})

test('channels and messages by author, as they are sent', async () => {
  await driver.prepare(ann)
  await expect(bob.getByTestId('channel-title')).toHaveText('# general')
  await driver.add(ann, 'Hello from Ann')
  await driver.add(bob, 'Hi Ann, Bob here')
  await expect(messages(ann)).toHaveText(['Hello from Ann', 'Hi Ann, Bob here'])
  await expect(ann.getByTestId('message-author')).toHaveText(['Ann', 'Bob'])
  // Bob's own message may reach his screen before Ann's, written a moment earlier: his view shows both in order.
  await expect(messages(bob)).toHaveText(['Hello from Ann', 'Hi Ann, Bob here'])
})

test('authors edit and delete their own messages; managers rename and archive channels', async () => {
  const annMessage = ann.getByTestId('message').filter({ hasText: 'Hello from Ann' })
  // Bob cannot edit Ann's message: no controls for him.
  await expect(bob.getByTestId('message').filter({ hasText: 'Hello from Ann' }).getByRole('button')).toHaveCount(0)
  await annMessage.getByRole('button', { name: 'Edit' }).click()
  await ann.getByLabel('Edit message').fill('Hello from Ann (edited)')
  await ann.getByRole('button', { name: 'Save' }).click()
  await expect(messages(bob).first()).toHaveText('Hello from Ann (edited)')
  await expect(bob.getByText('(edited)', { exact: true })).toBeVisible()

  await bob.getByTestId('message').filter({ hasText: 'Bob here' }).getByRole('button', { name: 'Delete' }).click()
  await expect(ann.getByText('Message deleted')).toBeVisible()

  // Renaming is for owners and admins: Bob, a member, has no such control.
  await expect(bob.getByRole('button', { name: 'Rename' })).toHaveCount(0)
  await ann.getByRole('button', { name: 'Rename' }).click()
  await ann.getByLabel('Channel name').fill('lobby')
  await ann.getByRole('button', { name: 'Save' }).click()
  await expect(bob.getByTestId('channel-title')).toHaveText('# lobby')

  await ann.getByLabel('New channel').fill('scratch')
  await ann.getByRole('button', { name: 'Create channel' }).click()
  await expect(ann.getByTestId('channel-title')).toHaveText('# scratch')
  await ann.getByRole('button', { name: 'Archive' }).click()
  await expect(bob.getByRole('list', { name: 'Channels' }).getByRole('button')).toHaveText(['# lobby'])
})

test('activity names channels; the export holds channels and messages', async () => {
  await ann.getByRole('link', { name: 'Activity' }).click()
  const activity = ann.getByTestId('activity')
  await expect(activity.filter({ hasText: 'created #general' })).toHaveCount(1)
  await expect(activity.filter({ hasText: 'sent a message in #lobby' })).toHaveCount(2)
  await expect(activity.filter({ hasText: 'renamed a channel to #lobby' })).toHaveCount(1)
  await expect(activity.filter({ hasText: 'archived #scratch' })).toHaveCount(1)
  await expect(activity.filter({ hasText: 'edited a message' })).toHaveCount(1)
  await expect(activity.filter({ hasText: 'deleted a message' })).toHaveCount(1)

  const download = ann.waitForEvent('download')
  await ann.getByRole('button', { name: 'Export data (JSON)' }).click()
  const data = JSON.parse(await (await import('node:fs/promises')).readFile((await (await download).path())!, 'utf8'))
  expect(data.channels.map((c: { name: string }) => c.name)).toEqual(['lobby', 'scratch'])
  expect(data.messages.map((m: { text: string }) => m.text)).toEqual(['Hello from Ann (edited)', ''])
})

test('a browser new to the workspace gets its newest messages with the page, before the store opens', async ({
  browser,
}) => {
  // No JavaScript at all: what shows is the server's preview, folded from the event log in D1.
  const cookies = await bob.context().cookies()
  const htmlOnly = await browser.newContext({ javaScriptEnabled: false })
  await htmlOnly.addCookies(cookies)
  const page = await htmlOnly.newPage()
  await page.goto(`/w/${slug}`)
  const preview = page.getByTestId('chat-preview')
  await expect(preview.getByRole('list', { name: 'Channels' }).getByRole('button')).toHaveText(['# lobby'])
  await expect(preview.getByTestId('preview-message')).toHaveCount(2)
  await expect(preview.getByTestId('preview-message').first()).toContainText('Ann')
  await expect(preview.getByTestId('preview-message').first()).toContainText('Hello from Ann (edited)')
  await expect(preview.getByTestId('preview-message').last()).toContainText('Message deleted')
  await expect(preview.getByRole('textbox', { name: 'Message #lobby' })).toBeDisabled()

  // A message sent since is in the next page load (the server folds only what is new).
  await ann.getByRole('link', { name: 'Chat', exact: true }).click()
  await driver.ready(ann)
  await driver.add(ann, 'After the first preview')
  await expect(messages(bob).last()).toHaveText('After the first preview')
  await page.reload()
  await expect(preview.getByTestId('preview-message').last()).toContainText('After the first preview')
  await htmlOnly.close()

  // With JavaScript, the live chat replaces the preview once the store is open, showing the same.
  const fresh = await browser.newContext()
  await fresh.addCookies(cookies)
  const live = await fresh.newPage()
  await live.goto(`/w/${slug}`)
  await driver.ready(live)
  await expect(live.getByTestId('chat-preview')).toHaveCount(0)
  await expect(messages(live)).toHaveText(['Hello from Ann (edited)', 'After the first preview'])
  await fresh.close()
})

test('a new browser keeps the preview until its store has caught up, and gives the app its local data when the server cannot be reached', async ({
  browser,
}) => {
  const context = await browser.newContext()
  await context.addCookies(await bob.context().cookies())
  // No sync tokens: the store opens (empty, a new browser) but cannot pull.
  await context.route('**/sync-token', (route) => route.abort())
  const page = await context.newPage()
  await page.goto(`/w/${slug}`)
  await expect(page.getByTestId('chat-preview').getByTestId('preview-message').last()).toContainText(
    'After the first preview',
  )
  await expect(page.getByTestId('history-progress')).toContainText(/Loading history… 0 of \d+ events/)
  await expect(page.getByTestId('chat')).toHaveCount(0)
  // Nothing gets nearer for a few seconds: the app shows what the browser has (nothing yet), usable.
  await driver.ready(page)
  await expect(page.getByTestId('chat-preview')).toHaveCount(0)
  await expect(page.getByTestId('history-progress')).toHaveCount(0)
  // The server reachable again: the store catches up in place.
  await context.unroute('**/sync-token')
  await expect(messages(page)).toHaveText(['Hello from Ann (edited)', 'After the first preview'], { timeout: 30_000 })
  await context.close()
})

test('a long channel shows its newest window; a new message adds a row at the bottom and the top row stays put', async () => {
  await ann.getByLabel('New channel').fill('long')
  await ann.getByRole('button', { name: 'Create channel' }).click()
  await ann.getByPlaceholder('Message #long').waitFor()
  // 70 messages at once, committed in Ann's store as the app would (typing them would take minutes).
  await commitMessages(ann, 'long', 70)
  const rows = messages(ann)
  await expect(rows).toHaveCount(50)
  await expect(rows.first()).toHaveText('long 21')
  await expect(rows.last()).toHaveText('long 70')
  // The pane stays at its newest message, and the composer in view: nobody scrolls to find either.
  await expect(rows.last()).toBeInViewport()
  await expect(ann.getByPlaceholder('Message #long')).toBeInViewport()
  await expect(rows.first()).not.toBeInViewport()
  const top = await rows.first().elementHandle()

  for (const text of ['new 1', 'new 2', 'new 3']) await driver.add(ann, text)
  await expect(rows).toHaveCount(53)
  await expect(rows.last()).toHaveText('new 3')
  // The same element, not a re-rendered one: the window grew instead of sliding every row up.
  expect(await ann.evaluate((el) => el === document.querySelector('[data-testid="message-text"]'), top)).toBe(true)
  // And each row a containment boundary (layout, style), so adding one does not repaint the others.
  expect(
    await rows.last().evaluate((el) => getComputedStyle(el.closest('[data-testid="message"]') ?? el).contain),
  ).toBe('layout style')

  await ann.getByRole('button', { name: 'Show earlier messages' }).click()
  await expect(rows).toHaveCount(73)
  await expect(rows.first()).toHaveText('long 1')
  await expect(ann.getByRole('button', { name: 'Show earlier messages' })).toHaveCount(0)
  // Bob, who had the channel nowhere on screen, opens it on its newest window once his store has everything
  // (opened earlier, his window would grow by what arrives after it).
  await expect
    .poll(() =>
      bob.evaluate(() => {
        const [store] = Object.values(
          (globalThis as { __debugLiveStore?: Record<string, unknown> }).__debugLiveStore ?? {},
        ) as Array<{ query: (q: { query: string; bindValues: Record<string, string> }) => Array<{ n: number }> }>
        return store?.query({ query: "SELECT count(*) AS n FROM messages WHERE text = 'new 3'", bindValues: {} })[0]?.n
      }),
    )
    .toBe(1)
  await bob.getByRole('button', { name: '# long' }).click()
  await expect(messages(bob)).toHaveCount(50)
  await expect(messages(bob).last()).toHaveText('new 3')
})

test('a new browser pulling a long history says "Syncing…", not "Synced", until it has caught up', async ({
  browser,
}) => {
  await ann.getByLabel('New channel').fill('history')
  await ann.getByRole('button', { name: 'Create channel' }).click()
  await ann.getByPlaceholder('Message #history').waitFor()
  await commitMessages(ann, 'history', 1500)
  await expect(ann.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced', { timeout: 60_000 })

  /** Opens `path` in a browser that has never seen the workspace; every change of the indicator's phase until Synced. */
  const phasesOpening = async (path: string) => {
    const context = await browser.newContext()
    await context.addCookies(await bob.context().cookies())
    // Whether the page still waits for history (the main page says so) at each change of phase.
    await context.addInitScript(() => {
      const seen: Array<{ history: boolean; phase: string | null }> = []
      ;(globalThis as { __phases?: typeof seen }).__phases = seen
      new MutationObserver(() => {
        const history = document.querySelector('[data-testid="history-progress"]') !== null
        const phase = document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-phase') ?? null
        const last = seen.at(-1)
        if (last?.history !== history || last?.phase !== phase) seen.push({ history, phase })
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase'] })
    })
    const page = await context.newPage()
    await page.goto(path)
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced', { timeout: 60_000 })
    const phases = (await page.evaluate(() => (globalThis as { __phases?: unknown[] }).__phases)) as Array<{
      history: boolean
      phase: string | null
    }>
    await context.close()
    return phases
  }

  // The main page waits for history while connected (its preview shows meanwhile), and says so.
  const main = await phasesOpening(`/w/${slug}`)
  expect(main).toContainEqual({ history: true, phase: 'syncing' })
  expect(main).not.toContainEqual({ history: true, phase: 'synced' })
  // Any other page first opened in a new browser says the same while its store pulls the log: the indicator
  // compares the store with the server's head, not with what one page waits for.
  const activity = (await phasesOpening(`/w/${slug}/activity`)).map(({ phase }) => phase)
  expect(activity.slice(0, activity.indexOf('synced'))).toContain('syncing')
})

test('a message whose commit fails goes back into the box, and nothing is stored or sent', async () => {
  await ann.getByLabel('New channel').fill('refusals')
  await ann.getByRole('button', { name: 'Create channel' }).click()
  await ann.getByPlaceholder('Message #refusals').waitFor()
  await bob.getByRole('button', { name: '# refusals' }).click()
  // The store refuses the next commit (as a closed or failing store would); the one after works again.
  await ann.evaluate(() => {
    const [store] = Object.values(
      (globalThis as { __debugLiveStore?: Record<string, { commit: (...events: unknown[]) => void }> })
        .__debugLiveStore ?? {},
    )
    if (store === undefined) throw new Error('no open store')
    const commit = store.commit
    store.commit = () => {
      store.commit = commit
      throw new Error('refused by the test')
    }
  })
  await driver.add(ann, 'Not stored')
  await expect(ann.locator('#message')).toHaveValue('Not stored')
  await expect(ann.getByText('No messages yet.')).toBeVisible()

  await ann.getByRole('button', { name: 'Send' }).click()
  await expect(ann.locator('#message')).toHaveValue('')
  // Her own view shows it with nothing else happening in the channel: the commit's deferred refresh ran.
  await expect(messages(ann)).toHaveText(['Not stored'])
  await expect(messages(bob)).toHaveText(['Not stored'])
})

test('a message written offline shows in its place among those sent since, once it arrives', async () => {
  await ann.getByLabel('New channel').fill('late')
  await ann.getByRole('button', { name: 'Create channel' }).click()
  await ann.getByPlaceholder('Message #late').waitFor()
  await bob.getByRole('button', { name: '# late' }).click()
  await bob.getByPlaceholder('Message #late').waitFor()

  await ann.context().setOffline(true)
  await driver.add(ann, 'Written offline')
  await expect(messages(ann)).toHaveText(['Written offline'])
  await driver.add(bob, 'Sent online')
  // Bob's view starts at his own message; the channel's first message arrives after it and goes above it.
  await expect(messages(bob)).toHaveText(['Sent online'])
  await ann.context().setOffline(false)
  await expect(messages(bob)).toHaveText(['Written offline', 'Sent online'])
  await expect(messages(ann)).toHaveText(['Written offline', 'Sent online'])
  await expect(bob.getByRole('button', { name: 'Show earlier messages' })).toHaveCount(0)
})

test('a part of the page that fails to render says it stopped working, not that the data could not open', async () => {
  // A message whose time the page cannot format: Ann's browser throws while rendering its row.
  const at = Date.UTC(2001, 0, 1)
  await ann.evaluate((failAt) => {
    const proto = Intl.DateTimeFormat.prototype
    const format = Object.getOwnPropertyDescriptor(proto, 'format')?.get
    if (format === undefined) throw new Error('no DateTimeFormat.prototype.format')
    Object.defineProperty(proto, 'format', {
      configurable: true,
      get() {
        const formatDate = format.call(this) as (date?: Date | number) => string
        return (date?: Date | number) => {
          if (date !== undefined && new Date(date).getTime() === failAt) throw new Error('cannot format this date')
          return formatDate(date)
        }
      },
    })
  }, at)
  await commitMessages(ann, 'late', 1, at)
  await expect(ann.getByTestId('part-failed')).toContainText('This part of the page stopped working.')
  await expect(ann.getByTestId('part-failed')).toContainText('cannot format this date')
  await expect(ann.getByTestId('store-failed')).toHaveCount(0)
  // The store is fine: the header still syncs, and Bob, whose browser formats the date, has the message.
  await expect(ann.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced')
  await expect(messages(bob).first()).toHaveText('late 1')

  await ann.getByTestId('part-failed').getByRole('button', { name: 'Reload' }).click()
  await ann.getByRole('button', { name: '# late' }).click()
  await expect(messages(ann).first()).toHaveText('late 1')
  await expect(ann.getByTestId('part-failed')).toHaveCount(0)
})

test('the page carries a long channel’s preview once, in its first pass', async () => {
  // Over React's progressive chunk (12,800 bytes), a Suspense boundary's content was sent after a fallback:
  // the preview twice, parsed twice and swapped.
  await commitMessages(ann, 'lobby', 60)
  // The page as the server renders it once it has the 60 (the preview is folded from the server's log).
  let html = ''
  await expect
    .poll(
      async () => {
        html = await (await bob.context().request.get(`/w/${slug}`)).text()
        return html.includes('lobby 60')
      },
      { timeout: 30_000 },
    )
    .toBe(true)
  expect(html.split('data-testid="chat-preview"')).toHaveLength(2)
  expect(html).not.toContain('<!--$?-->')
})
