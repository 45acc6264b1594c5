// The task list as the template's tests drive it (tests/app-contract.ts): an item is a task.
// Plain TypeScript without path aliases: Node runs it as it is (bench/ imports it).
import type { AppDriver, AppFixtures } from '../../tests/app-contract.ts'

export const fixtures: AppFixtures = {
  setupEvents: () => [],
  itemEvent: ({ id, text, userId, at }) => ({ name: 'v1.TaskAdded', args: { id, title: text, userId, at } }),
  textOf: (args) => args.title,
  managerEvent: ({ id, userId, at }) => ({ name: 'v1.TaskDeleted', args: { id, userId, at } }),
  undecodableEvent: (userId) => ({
    event: { name: 'v1.TaskAdded', args: { id: 't1', title: 42, userId, at: 1 } },
    reason: 'arguments do not decode: ["title"] Expected string, actual 42',
  }),
}

const input = '#task-title'

export const driver: AppDriver = {
  ready: async (page) => {
    await page.getByTestId('tasks').waitFor()
  },
  prepare: async (page) => {
    await page.getByTestId('tasks').waitFor()
  },
  add: async (page, text) => {
    await page.locator(input).fill(text)
    await page.getByRole('button', { name: 'Add', exact: true }).click()
  },
  items: (page) => page.getByTestId('task-title'),
  allTexts: (page) => page.getByTestId('task-title').allTextContents(),
  selectors: { input, itemText: '[data-testid="task-title"]' },
}
