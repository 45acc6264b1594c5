import { type Browser, expect, type Page, test } from '@playwright/test'

const openStore = async (browser: Browser, path: string): Promise<Page> => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(path)
  await expect(page.getByTestId('playground')).toBeVisible()
  return page
}

const addItem = async (page: Page, text: string) => {
  await page.getByLabel('New item').fill(text)
  await page.getByRole('button', { name: 'Add' }).click()
}

const items = (page: Page) => page.getByTestId('item')

test('two browsers on one store see each other’s items without a reload', async ({ browser }) => {
  const a = await openStore(browser, '/playground')
  await expect(a).toHaveURL(/\/playground\/[a-z0-9]{32}$/)
  const b = await openStore(browser, new URL(a.url()).pathname)

  await addItem(a, 'first, from A')
  await expect(items(a)).toHaveText(['first, from A'])
  await expect(items(b)).toHaveText(['first, from A'])

  await addItem(b, 'second, from B')
  await expect(items(a)).toHaveText(['first, from A', 'second, from B'])
  await expect(items(b)).toHaveText(['first, from A', 'second, from B'])
})

test('items committed offline survive a reload: the store is read back from OPFS', async ({ browser }) => {
  const a = await openStore(browser, '/playground')
  const b = await openStore(browser, new URL(a.url()).pathname)

  // Offline, nothing can reach the sync server: these events exist only in A's browser.
  await a.context().setOffline(true)
  await addItem(a, 'kept in OPFS')
  await addItem(a, 'also kept')
  await expect(items(a)).toHaveText(['kept in OPFS', 'also kept'])
  // The page says when the leader worker holds the events (and so OPFS); only then is a reload safe.
  await expect(a.getByRole('status')).toHaveText('All changes saved locally')
  await expect(b.getByText('No items yet.')).toBeVisible()

  await a.context().setOffline(false)
  await a.reload()
  await expect(items(a)).toHaveText(['kept in OPFS', 'also kept'])
  // Back online, the events A kept locally reach B too.
  await expect(items(b)).toHaveText(['kept in OPFS', 'also kept'])
})

test('a malformed store id is a 404 page, not a store', async ({ page }) => {
  const response = await page.goto('/playground/Not-A-Valid-Id')
  expect(response?.status()).toBe(404)
})
