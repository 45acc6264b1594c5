import type { Page } from '@playwright/test'

import { expect, test } from '../../tests/e2e/fixtures'
import { createWorkspace, joinAsMember, signUpAndVerify, unique } from '../../tests/e2e/helpers'
import { driver } from './testing'

// The task list's own features in two browsers: adding and ticking tasks, deleting for managers only,
// and what the activity page and the export say about them.
test.describe.configure({ mode: 'serial' })

const id = unique()
const slug = `tasks-${id}`
let ann: Page
let bob: Page

test.beforeAll(async ({ browser }) => {
  ann = await signUpAndVerify(browser, 'Ann', `ann-${id}@example.test`, 'ann password 1')
  await createWorkspace(ann, `Tasks ${id}`, slug)
  bob = await joinAsMember(browser, ann, slug, 'Bob', `bob-${id}@example.test`)
  await ann.goto(`/w/${slug}`)
})

test('tasks are added, ticked and deleted, and both see it', async () => {
  await driver.add(ann, 'Write the launch post')
  await driver.add(bob, 'Book the venue')
  await expect(driver.items(ann)).toHaveText(['Write the launch post', 'Book the venue'])
  await bob.getByLabel('Done: Write the launch post').check()
  await expect(ann.getByLabel('Done: Write the launch post')).toBeChecked()
  // Deleting is for owners and admins: Bob, a member, has no such control.
  await expect(bob.getByRole('button', { name: 'Delete' })).toHaveCount(0)
  await ann.getByTestId('task').filter({ hasText: 'Book the venue' }).getByRole('button', { name: 'Delete' }).click()
  await expect(driver.items(bob)).toHaveText(['Write the launch post'])
})

test('activity names the tasks; the export holds them', async () => {
  await ann.getByRole('link', { name: 'Activity' }).click()
  const activity = ann.getByTestId('activity')
  await expect(activity.filter({ hasText: 'added “Book the venue”' })).toHaveCount(1)
  await expect(activity.filter({ hasText: 'completed “Write the launch post”' })).toHaveCount(1)
  await expect(activity.filter({ hasText: 'deleted “Book the venue”' })).toHaveCount(1)
  const download = ann.waitForEvent('download')
  await ann.getByRole('button', { name: 'Export data (JSON)' }).click()
  const data = JSON.parse(await (await import('node:fs/promises')).readFile((await (await download).path())!, 'utf8'))
  expect(data.tasks.map((task: { title: string }) => task.title)).toEqual(['Write the launch post', 'Book the venue'])
})
