// What the template's tests need from the app under test (tests/app-under-test.ts names it): events to
// push through the sync protocol, and a way to add and read items in the browser. The lifecycle, load,
// revocation and benchmark tests speak only this, so they hold for any app a fork puts in.
import type { Locator, Page } from '@playwright/test'

/** An event as a client pushes it (arguments encoded: dates as epoch milliseconds). */
export type PushedEvent = { name: string; args: Record<string, unknown> }

export type AppFixtures = {
  /** Events that make an empty workspace ready for items, pushed once first (the chat: channel #general). */
  setupEvents: (userId: string, at: number) => PushedEvent[]
  /** An event any member may commit that adds one item carrying `text`; its arguments keep `id` as given. */
  itemEvent: (item: { id: string; text: string; userId: string; at: number }) => PushedEvent
  /** The text of an item event's arguments, as itemEvent put it there. */
  textOf: (args: Record<string, unknown>) => unknown
  /** An event only owners and admins may commit. */
  managerEvent: (item: { id: string; userId: string; at: number }) => PushedEvent
  /** An item event whose arguments do not decode, and the reason the server gives. */
  undecodableEvent: (userId: string) => { event: PushedEvent; reason: string }
}

export type AppDriver = {
  /** On the workspace's page, after the store opened: whatever the app needs before items can be added. */
  prepare: (page: Page) => Promise<void>
  /** Waits until the app is on the page and ready for prepare/add (e.g. after a reload). */
  ready: (page: Page) => Promise<void>
  /** Adds one item with `text` through the UI, as a person would. */
  add: (page: Page, text: string) => Promise<void>
  /** The text of each item the page shows now, oldest first (the app may show only the newest). */
  items: (page: Page) => Locator
  /** Every item's text, oldest first: reveals whatever the app keeps out of view. */
  allTexts: (page: Page) => Promise<string[]>
  /** For in-page measurement (bench/browser): the input (in a form, submitted per item), an item's text. */
  selectors: { input: string; itemText: string }
}
