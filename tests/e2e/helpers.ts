import { type Browser, expect, type Page } from '@playwright/test'

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

/** A new browser context (a different person) that signs up and verifies its address. */
export const signUpAndVerify = async (browser: Browser, name: string, email: string, password: string) => {
  const page = await (await browser.newContext()).newPage()
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
