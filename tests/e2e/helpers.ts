import { type Browser, expect, type Page } from '@playwright/test'

import { driver } from '../app-under-test.ts'

export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

/** Follows the newest link in the dev mailbox sent to `email` whose subject matches. */
export const openMailLink = async (page: Page, email: string, subject: RegExp) => {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`)
  const mail = page
    .getByTestId('mail')
    .filter({ has: page.getByTestId('mail-subject').filter({ hasText: subject }) })
    .first()
  await expect(mail).toBeVisible()
  const href = await mail.getByRole('link').first().getAttribute('href')
  expect(href).toBeTruthy()
  await page.goto(href!)
}

/** A new browser context (a different person, on `baseURL` or the default server) that signs up and verifies. */
export const signUpAndVerify = async (
  browser: Browser,
  name: string,
  email: string,
  password: string,
  { baseURL }: { baseURL?: string } = {},
) => {
  const page = await (await browser.newContext(baseURL === undefined ? {} : { baseURL })).newPage()
  await page.goto('/sign-up')
  await page.getByLabel('Name').fill(name)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  await openMailLink(page, email, /verify your email/i)
  return page
}

/** From onboarding: creates a workspace and waits for its page. */
export const createWorkspace = async (page: Page, name: string, slug: string) => {
  await expect(page).toHaveURL(/\/onboarding$/)
  await page.getByLabel('Workspace name').fill(name)
  await page.getByRole('button', { name: 'Create workspace' }).click()
  await expect(page).toHaveURL(new RegExp(`/w/${slug}$`))
}

/** The owner invites `email` as a member of workspace `slug`; the invitee signs up in a new context and accepts. */
export const joinAsMember = async (
  browser: Browser,
  owner: Page,
  slug: string,
  name: string,
  email: string,
  { baseURL }: { baseURL?: string } = {},
) => {
  await owner.goto(`/w/${slug}/members`)
  await owner.getByLabel('Email to invite').fill(email)
  await owner.getByLabel('Role').selectOption('member')
  await owner.getByRole('button', { name: 'Send invitation' }).click()
  await expect(owner.getByText(`Invitation sent to ${email}.`)).toBeVisible()
  const page = await (await browser.newContext(baseURL === undefined ? {} : { baseURL })).newPage()
  await openMailLink(page, email, /invited you/i)
  await page.getByRole('link', { name: 'Create an account' }).click()
  await expect(page.getByLabel('Email')).toHaveValue(email)
  await page.getByLabel('Name').fill(name)
  await page.getByLabel('Password').fill(`${name} password 1`)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  await openMailLink(page, email, /verify your email/i)
  await page.getByRole('button', { name: 'Accept invitation' }).click()
  await expect(page).toHaveURL(new RegExp(`/w/${slug}$`))
  return page
}

/** The items the workspace app shows (the app under test: tests/app-under-test.ts), oldest first. */
export const items = (page: Page) => driver.items(page)

/** Every item of the app, in order, including those it keeps out of view. */
export const allItems = (page: Page) => driver.allTexts(page)

/** Adds an item through the app's UI, as a person would. */
export const add = (page: Page, text: string) => driver.add(page, text)

/** Whatever the app needs before items can be added (the chat: a channel). */
export const prepareApp = (page: Page) => driver.prepare(page)

export const syncStatus = (page: Page) => page.getByTestId('sync-status')
