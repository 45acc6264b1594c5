import { expect, test } from './fixtures'

import { openMailLink, signUpAndVerify, unique } from './helpers'

test('sign up, verify through the dev mailbox, create a workspace', async ({ browser }) => {
  const id = unique()
  const email = `ada-${id}@example.test`
  const page = await signUpAndVerify(browser, 'Ada Lovelace', email, 'correct horse battery')

  // Verified and signed in, with no workspace yet: onboarding.
  await expect(page).toHaveURL(/\/onboarding$/)
  await page.getByLabel('Workspace name').fill(`Analytical Engines ${id}`)
  await expect(page.getByLabel('Address')).toHaveValue(`analytical-engines-${id}`)
  await page.getByRole('button', { name: 'Create workspace' }).click()

  await expect(page).toHaveURL(new RegExp(`/w/analytical-engines-${id}$`))
  await expect(page.getByRole('heading', { name: `Analytical Engines ${id}` })).toBeVisible()
  await expect(page.getByText('you are owner · 1 member')).toBeVisible()

  // A member gets a short-lived sync token for the workspace's store; other ids are a 404.
  const workspaceId = await page.locator('[data-workspace-id]').getAttribute('data-workspace-id')
  const issued = await page.request.post(`/api/workspaces/${workspaceId}/sync-token`)
  expect(issued.status()).toBe(200)
  const body = await issued.json()
  expect(body.storeId).toMatch(/^ws_[0-9a-f]{32}$/)
  expect(body.token.split('.')).toHaveLength(3)
  expect((await page.request.post('/api/workspaces/not-a-workspace/sync-token')).status()).toBe(404)

  // Signed out, the workspace sends you to sign in; signed back in, you land in it.
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in$/)
  expect((await page.request.post(`/api/workspaces/${workspaceId}/sync-token`)).status()).toBe(401)
  await page.goto(`/w/analytical-engines-${id}`)
  await expect(page).toHaveURL(/\/sign-in\?next=/)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('correct horse battery')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(new RegExp(`/w/analytical-engines-${id}$`))
})

test('forms refuse bad input with field-level messages', async ({ page }) => {
  await page.goto('/sign-up')
  // No GitHub / Google credentials are configured here, so their buttons are not shown.
  await expect(page.getByRole('button', { name: /Continue with/ })).toHaveCount(0)
  await page.getByLabel('Name').fill('Bob')
  await page.getByLabel('Email').fill('not-an-email')
  await page.getByLabel('Password').fill('short')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByText('Enter a valid email address')).toBeVisible()
  await expect(page.getByText('Use at least 10 characters')).toBeVisible()
  await expect(page.getByLabel('Email')).toHaveValue('not-an-email')
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true')
})

test('an unverified account cannot sign in, and a stranger gets a 404 for a workspace', async ({ browser }) => {
  const id = unique()
  const owner = await signUpAndVerify(browser, 'Owner', `owner-${id}@example.test`, 'owner password 1')
  await owner.getByLabel('Workspace name').fill(`Private ${id}`)
  await owner.getByRole('button', { name: 'Create workspace' }).click()
  await expect(owner).toHaveURL(new RegExp(`/w/private-${id}$`))

  const strangerEmail = `stranger-${id}@example.test`
  const stranger = await (await browser.newContext()).newPage()
  await stranger.goto('/sign-up')
  await stranger.getByLabel('Name').fill('Stranger')
  await stranger.getByLabel('Email').fill(strangerEmail)
  await stranger.getByLabel('Password').fill('stranger password')
  await stranger.getByRole('button', { name: 'Create account' }).click()
  await expect(stranger.getByRole('heading', { name: 'Check your email' })).toBeVisible()

  await stranger.goto('/sign-in')
  await stranger.getByLabel('Email').fill(strangerEmail)
  await stranger.getByLabel('Password').fill('stranger password')
  await stranger.getByRole('button', { name: 'Sign in' }).click()
  await expect(stranger.getByRole('alert').filter({ hasText: /verif/i })).toBeVisible()

  await openMailLink(stranger, strangerEmail, /verify your email/i)
  await expect(stranger).toHaveURL(/\/onboarding$/)
  const response = await stranger.goto(`/w/private-${id}`)
  expect(response?.status()).toBe(404)
  const missing = await stranger.goto(`/w/no-such-workspace-${id}`)
  expect(missing?.status()).toBe(404)
})

test('the owner invites B, B signs up from the link and both see each other with the right roles', async ({
  browser,
}) => {
  const id = unique()
  const owner = await signUpAndVerify(browser, 'Olivia Owner', `olivia-${id}@example.test`, 'olivia password 1')
  await owner.getByLabel('Workspace name').fill(`Team ${id}`)
  await owner.getByRole('button', { name: 'Create workspace' }).click()
  await expect(owner).toHaveURL(new RegExp(`/w/team-${id}$`))

  const bEmail = `bruno-${id}@example.test`
  await owner.getByRole('link', { name: 'Members' }).click()
  await owner.getByLabel('Email to invite').fill(bEmail)
  await owner.getByLabel('Role').selectOption('admin')
  await owner.getByRole('button', { name: 'Send invitation' }).click()
  await expect(owner.getByText(`Invitation sent to ${bEmail}.`)).toBeVisible()
  await expect(owner.getByTestId('invitation')).toContainText(bEmail)
  // Resending finds the invitation among the workspace's (better-auth's list) and mails it again.
  await owner.getByTestId('invitation').filter({ hasText: bEmail }).getByRole('button', { name: 'Resend' }).click()
  await expect(owner.getByText(`Invitation sent again to ${bEmail}.`)).toBeVisible()

  // B, signed out, follows the emailed link, signs up from it and verifies.
  const b = await (await browser.newContext()).newPage()
  await openMailLink(b, bEmail, /invited you/i)
  await expect(b.getByRole('heading', { name: `Join Team ${id}` })).toBeVisible()
  await b.getByRole('link', { name: 'Create an account' }).click()
  await expect(b.getByLabel('Email')).toHaveValue(bEmail)
  await b.getByLabel('Name').fill('Bruno')
  await b.getByLabel('Password').fill('bruno password 1')
  await b.getByRole('button', { name: 'Create account' }).click()
  await expect(b.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  await openMailLink(b, bEmail, /verify your email/i)
  await expect(b).toHaveURL(/\/invite\//)
  await b.getByRole('button', { name: 'Accept invitation' }).click()
  await expect(b).toHaveURL(new RegExp(`/w/team-${id}$`))

  for (const page of [owner, b]) {
    await page.goto(`/w/team-${id}/members`)
    const rows = page.getByTestId('member')
    await expect(rows).toHaveCount(2)
    await expect(rows.filter({ hasText: 'Olivia Owner' }).getByTestId('member-role')).toHaveText('owner')
    await expect(rows.filter({ hasText: 'Bruno' }).getByTestId('member-role')).toHaveText('admin')
  }

  // The link cannot be used twice.
  const c = await (await browser.newContext()).newPage()
  await openMailLink(c, bEmail, /invited you/i)
  await expect(c.getByText('This invitation has already been accepted.')).toBeVisible()

  // Someone signed in with another address is told the invitation is not theirs.
  const carol = `carol-${id}@example.test`
  await owner.goto(`/w/team-${id}/members`)
  await owner.getByLabel('Email to invite').fill(carol)
  await owner.getByRole('button', { name: 'Send invitation' }).click()
  await expect(owner.getByText(`Invitation sent to ${carol}.`)).toBeVisible()
  await openMailLink(owner, carol, /invited you/i)
  await expect(owner.getByText(`but this invitation is for ${carol}`)).toBeVisible()
  await expect(owner.getByRole('button', { name: 'Accept invitation' })).toHaveCount(0)
  // Signing out from there (which also deletes the browser's local stores) comes back to the invitation.
  await owner.getByRole('button', { name: 'Sign out' }).click()
  await expect(owner).toHaveURL(/\/sign-in\?next=%2Finvite%2F/)
  const leftovers = await owner.evaluate(async () => {
    const names: string[] = []
    const root = await navigator.storage.getDirectory()
    for await (const [name] of (root as unknown as { entries(): AsyncIterable<[string]> }).entries()) names.push(name)
    return names.filter((name) => name.startsWith('livestore-'))
  })
  expect(leftovers).toEqual([])
})

test('password reset round trip', async ({ browser }) => {
  const id = unique()
  const email = `reset-${id}@example.test`
  const page = await signUpAndVerify(browser, 'Forgetful', email, 'the old password')
  await page.context().clearCookies()

  await page.goto('/sign-in')
  await page.getByRole('link', { name: 'Forgot your password?' }).click()
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible()
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await expect(page.getByText(`If ${email} has an account, a reset link is on its way.`)).toBeVisible()

  await openMailLink(page, email, /reset your password/i)
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible()
  await page.getByLabel('New password', { exact: true }).fill('the new password')
  await page.getByLabel('Repeat the new password').fill('the new password')
  await page.getByRole('button', { name: 'Set new password' }).click()
  await expect(page.getByText('Your password was changed.')).toBeVisible()

  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('the old password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert').filter({ hasText: /invalid/i })).toBeVisible()
  await page.getByLabel('Password').fill('the new password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/onboarding$/)
})

test('workspace settings: rename, change the address, delete with a typed confirmation; account name', async ({
  browser,
}) => {
  const id = unique()
  const page = await signUpAndVerify(browser, 'Setter', `setter-${id}@example.test`, 'setter password 1')
  await page.getByLabel('Workspace name').fill(`Old ${id}`)
  await page.getByRole('button', { name: 'Create workspace' }).click()
  await expect(page).toHaveURL(new RegExp(`/w/old-${id}$`))

  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByLabel('Workspace name').fill(`New ${id}`)
  await page.getByRole('button', { name: 'Rename' }).click()
  await expect(page.getByText('Workspace renamed.')).toBeVisible()

  await page.getByLabel('Workspace address').fill('Not A Slug')
  await page.getByRole('button', { name: 'Change address' }).click()
  await expect(page.getByText(/Use 3 to 48 lowercase letters/)).toBeVisible()
  await page.getByLabel('Workspace address').fill(`new-${id}`)
  await page.getByRole('button', { name: 'Change address' }).click()
  await expect(page).toHaveURL(new RegExp(`/w/new-${id}/settings$`))
  await expect(page.getByRole('heading', { name: `Settings of New ${id}` })).toBeVisible()
  expect((await page.request.get(`/w/old-${id}`)).status()).toBe(404)

  await page.getByLabel(`Type “new-${id}” to confirm`).fill('wrong')
  await page.getByRole('button', { name: 'Delete workspace' }).click()
  await expect(page.getByText('Type the workspace address exactly to confirm')).toBeVisible()
  await page.getByLabel(`Type “new-${id}” to confirm`).fill(`new-${id}`)
  await page.getByRole('button', { name: 'Delete workspace' }).click()
  await expect(page).toHaveURL(/\/onboarding$/)
  expect((await page.request.get(`/w/new-${id}`)).status()).toBe(404)

  await page.goto('/account')
  await page.getByLabel('Name', { exact: true }).fill('Renamed Setter')
  await page.getByRole('button', { name: 'Save name' }).click()
  await expect(page.getByText('Name saved.')).toBeVisible()
  await expect(page.getByTestId('session')).toHaveCount(1)
})
