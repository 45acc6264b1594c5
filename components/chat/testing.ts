// The chat demo as the template's tests drive it (tests/app-contract.ts): an item is a message in the
// channel #general. Plain TypeScript without path aliases: Node runs it as it is (bench/ imports it).
import type { AppDriver, AppFixtures } from '../../tests/app-contract.ts'

export const fixtures: AppFixtures = {
  // Items go to the channel with id "general": the one these events create, or any channel given that id.
  setupEvents: (userId, at) => [{ name: 'v1.ChannelCreated', args: { id: 'general', name: 'general', userId, at } }],
  itemEvent: ({ id, text, userId, at }) => ({
    name: 'v1.MessageSent',
    args: { id, channelId: 'general', text, userId, at },
  }),
  textOf: (args) => args.text,
  managerEvent: ({ id, userId, at }) => ({ name: 'v1.ChannelRenamed', args: { id, name: 'Renamed', userId, at } }),
  undecodableEvent: (userId) => ({
    event: { name: 'v1.MessageSent', args: { id: 'm1', channelId: 'c', text: 42, userId, at: 1 } },
    reason: 'arguments do not decode: ["text"] Expected string, actual 42',
  }),
}

const composer = '#message'

export const driver: AppDriver = {
  ready: async (page) => {
    await page.getByTestId('chat').waitFor()
  },
  prepare: async (page) => {
    await page.getByLabel('New channel').fill('general')
    await page.getByRole('button', { name: 'Create channel' }).click()
    await page.getByPlaceholder('Message #general').waitFor()
  },
  add: async (page, text) => {
    await page.locator(composer).fill(text)
    await page.getByRole('button', { name: 'Send' }).click()
  },
  items: (page) => page.getByTestId('message-text'),
  allTexts: async (page) => {
    // The channel shows its newest messages: ask for earlier ones until it shows them all.
    const earlier = page.getByRole('button', { name: 'Show earlier messages' })
    while (await earlier.isVisible()) await earlier.click()
    return page.getByTestId('message-text').allTextContents()
  },
  selectors: { input: composer, itemText: '[data-testid="message-text"]' },
}
