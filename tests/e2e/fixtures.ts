// Every spec imports `test` and `expect` from here: each browser context the suite opens reports
// Content-Security-Policy violations of its pages, and a test that caused one fails. Workers run under
// the policy too (their scripts are served with it); a violation there breaks sync, which the tests see.
import { type BrowserContext, test as base, expect, type Page } from '@playwright/test'

export { expect }

const PREFIX = 'CSP violation: '

const watchPage = (page: Page, found: string[]) => {
  page.on('console', (message) => {
    if (message.text().startsWith(PREFIX)) found.push(`${page.url()}: ${message.text().slice(PREFIX.length)}`)
  })
}

const watchContext = async (context: BrowserContext, found: string[]) => {
  await context.addInitScript((prefix) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `${prefix}${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`,
      )
    })
  }, PREFIX)
  context.on('page', (page) => watchPage(page, found))
  for (const page of context.pages()) watchPage(page, found)
}

export const test = base.extend<{ cspClean: undefined }, { cspViolations: string[] }>({
  cspViolations: [
    async ({ browser }, use) => {
      const found: string[] = []
      // Contexts come from the `context` fixture and from helpers calling browser.newContext() alike.
      const newContext = browser.newContext.bind(browser)
      browser.newContext = async (options) => {
        const context = await newContext(options)
        await watchContext(context, found)
        return context
      }
      await use(found)
      browser.newContext = newContext
    },
    { scope: 'worker', auto: true },
  ],
  cspClean: [
    async ({ cspViolations }, use) => {
      cspViolations.length = 0
      await use(undefined)
      expect(cspViolations, 'Content-Security-Policy violations during this test').toEqual([])
    },
    { auto: true },
  ],
})
