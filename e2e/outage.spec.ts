import { expect, test } from '@playwright/test'
import common from '../locales/en/common.json' with { type: 'json' }
import { e2ePorts } from './support/ports'

// A second server runs the same build with a database it cannot reach.
const OUTAGE = `http://localhost:${e2ePorts.outage}`

test('health says the database is unreachable with 503', async ({ request }) => {
  const response = await request.get(`${OUTAGE}/api/health`)
  expect(response.status()).toBe(503)
  expect(await response.json()).toMatchObject({ status: 'unavailable', database: 'unreachable' })
})

test('asking for a sign-in code shows a translated error page, not a crash', async ({ page }) => {
  await page.goto(`${OUTAGE}/en/sign-in`)
  await page.locator('#email').fill('someone@example.org')
  await page.locator('form button[type=submit]').click()
  await expect(page.locator('h1')).toHaveText(common.error.title)
  await expect(page.locator('body')).not.toContainText(/ECONNREFUSED|at \w+ \(/)
})

test('pages that do not need the database still work', async ({ page }) => {
  const response = await page.goto(`${OUTAGE}/en`)
  expect(response?.status()).toBe(200)
  await expect(page.locator('main .card-list a')).toHaveCount(5)
})
