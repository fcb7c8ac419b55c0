import { expect, test } from '@playwright/test'
import auth from '../locales/en/auth.json' with { type: 'json' }
import applications from '../locales/en/applications.json' with { type: 'json' }
import validation from '../locales/en/validation.json' with { type: 'json' }
import { countRows, latestSignInCode, outboxBodies, waitForMail } from './support/mailbox'
import { signInWithCode } from './support/sign-in'

test('an applicant signs in with the e-mailed code and sees their applications', async ({
  page,
}) => {
  await signInWithCode(page, 'anna.petrova@example.org')
  await expect(page).toHaveURL(/\/en\/applications$/)
  await expect(page.locator('h1')).toHaveText(applications.title)
  await expect(page.locator('table tbody tr')).toHaveCount(1)
  await expect(page.locator('table .ref')).toHaveText(/^[2-9A-Y]{4}-[2-9A-Y]{4}-[2-9A-Y]{2}$/)
})

test('a malformed e-mail gets a translated error and stores nothing', async ({ page }) => {
  await page.goto('/en/sign-in')
  await page.locator('#email').fill('not-an-email')
  await page.locator('form button[type=submit]').click()
  await expect(page.locator('.error-summary')).toContainText(validation.email.invalid)
  await expect(page.locator('#email-error')).toContainText(validation.email.invalid)
  await expect(page.locator('#email')).toHaveValue('not-an-email')
  expect(await countRows('sign_in_challenges', 'not-an-email')).toBe(0)
})

test('a wrong code is refused with a translated message', async ({ page }) => {
  const email = `wrong.${Date.now()}@example.org`
  const started = new Date(Date.now() - 1000)
  await page.goto('/en/sign-in')
  await page.locator('#email').fill(email)
  await page.locator('form button[type=submit]').click()
  const code = await latestSignInCode(email, started)
  await page.locator('#token').fill(code === '000000' ? '111111' : '000000')
  await page.locator('form button[type=submit]').click()
  await expect(page.locator('.error-summary')).toContainText(auth.code.wrongCode)
})

test('signing out ends the session on the server; the old cookie gets nothing', async ({
  page,
  browser,
  baseURL,
}) => {
  // Through the page's own fetch: the browser resolves made-up host names, Playwright's
  // request client would not.
  const sessionUser = (p: typeof page) =>
    p.evaluate(async () => (await (await fetch('/api/auth/session')).json())?.user?.id ?? null)
  await signInWithCode(page, 'john.smith@example.org')
  await expect(page).toHaveURL(/\/en\/applications$/)
  const cookies = await page.context().cookies()
  expect(await sessionUser(page)).toBeTruthy()

  await page.locator('header form button[type=submit]').click()
  await expect(page).toHaveURL(/\/en$/)

  const replay = await browser.newContext({ baseURL })
  await replay.addCookies(cookies)
  const replayPage = await replay.newPage()
  await replayPage.goto('/en/applications')
  await expect(replayPage).toHaveURL(/\/en\/sign-in\?callbackUrl=/)
  expect(await sessionUser(replayPage)).toBeNull()
  await replay.close()
})

test('the code arrives as mail in Persian, right to left, and the outbox keeps no copy', async ({
  page,
}) => {
  const email = `arrives.${Date.now()}@example.org`
  const started = new Date(Date.now() - 1000)
  await page.goto('/fa/sign-in')
  await page.locator('#email').fill(email)
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(/\/fa\/sign-in\/code/)
  const mail = await waitForMail(email, started)
  const code = mail.text.match(/^\d{6}$/m)?.[0]
  expect(code).toBeDefined()
  expect(mail.subject).not.toContain(code)
  expect(mail.html).toMatch(/<html[^>]*dir="rtl"/)
  expect(mail.html).toMatch(/<html[^>]*lang="fa"/)
  expect(mail.html).toContain(code)
  // Delivered: the row stays for the record, the code does not.
  await expect
    .poll(async () => (await outboxBodies(email)).join('\n'), { timeout: 10_000 })
    .not.toContain(code)
})
