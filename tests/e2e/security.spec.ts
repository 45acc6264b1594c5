import { expect, test } from './fixtures'

// The security headers of lib/security-headers.ts on what the Worker renders, what the assets binding
// serves (public/_headers) and what the sync route refuses; the suite's CSP guard (fixtures.ts) at work.
const expectSecurityHeaders = (headers: Record<string, string>, what: string) => {
  expect(headers['content-security-policy'], what).toContain("default-src 'self'")
  expect(headers['content-security-policy'], what).toContain("frame-ancestors 'none'")
  expect(headers['x-content-type-options'], what).toBe('nosniff')
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin')
  expect(headers['x-frame-options'], what).toBe('DENY')
  // Plain http here: Strict-Transport-Security is for https only.
  expect(headers['strict-transport-security'], what).toBeUndefined()
}

test('pages, static assets and the sync route carry the security headers', async ({ page, request }) => {
  const response = await page.goto('/sign-in')
  expectSecurityHeaders(response!.headers(), 'a page')
  const script = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src')
  expectSecurityHeaders((await request.get(script!)).headers(), 'a static script')
  // The app icon, fetched on every page load, comes from the assets too, without running the Worker.
  const iconHref = await page.locator('link[rel="icon"]').getAttribute('href')
  const icon = await request.get(iconHref!)
  expect(icon.status()).toBe(200)
  expect(icon.headers()['content-type']).toContain('image/svg+xml')
  expect(icon.headers()['x-opennext'], 'the icon is not rendered by the Worker').toBeUndefined()
  expectSecurityHeaders(icon.headers(), 'the app icon')
  const refused = await request.get('/sync?storeId=nope&transport=ws')
  expect(refused.status()).toBeGreaterThanOrEqual(400)
  expect(refused.status()).toBeLessThan(500)
  expectSecurityHeaders(refused.headers(), 'a sync refusal')
})

test('the CSP guard sees a violation: a page cannot load an image from elsewhere', async ({ page, cspViolations }) => {
  await page.goto('/sign-in')
  await page.evaluate(() => {
    const image = document.createElement('img')
    image.src = 'http://example.test/pixel.png'
    document.body.appendChild(image)
  })
  await expect.poll(() => cspViolations.length).toBe(1)
  expect(cspViolations[0]).toContain('img-src blocked http://example.test/pixel.png')
  // Expected here: this test's own violation is not a failure.
  cspViolations.length = 0
})
