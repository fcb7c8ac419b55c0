import { expect, test } from '@playwright/test'
import common from '../locales/en/common.json' with { type: 'json' }
import { e2eDb } from './support/e2e-db'
import { fillDate, inDays } from './support/forms'
import { signInWithCode } from './support/sign-in'

test('a warning comes before the idle sign-out, and "stay signed in" keeps the session', async ({
  page,
}) => {
  await page.clock.install()
  await signInWithCode(page, `idle.${Date.now()}@example.org`)
  await expect(page).toHaveURL(/\/en\/applications$/)
  await expect(page.getByRole('alertdialog')).toHaveCount(0)

  await page.clock.fastForward('25:05')
  const dialog = page.getByRole('alertdialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('heading')).toHaveText(common.timeout.title)
  await expect(dialog.getByRole('button', { name: common.timeout.stay })).toBeFocused()

  await dialog.getByRole('button', { name: common.timeout.stay }).click()
  await expect(dialog).toHaveCount(0)
})

test('a session that ended while a task was open leads to sign-in and back, in Arabic', async ({
  page,
}) => {
  const email = `ended.${Date.now()}@example.org`
  await signInWithCode(page, email, { locale: 'ar' })
  await page.goto('/ar/apply/first')
  await page.locator('input[name="permitType"][value="short_term"]').check()
  await fillDate(page, 'legalStayUntil', inDays(40))
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(/\/ar\/applications\/[0-9a-f-]{36}$/)
  await page.locator('.task-list a').first().click()
  await expect(page).toHaveURL(/\/ar\/applications\/[0-9a-f-]{36}\/[a-z_]+$/)
  const taskUrl = page.url()
  // The session ends on the server (signed out elsewhere, or expired) while the page is open.
  await e2eDb()`delete from sessions where user_id = (select id from users where email = ${email})`
  await page.locator('#givenNames').fill('Layla')
  // "Save for later" skips the in-page checks, so the request reaches the server.
  await page.locator('main form button[name="intent"][value="later"]').click()
  await expect(page).toHaveURL(/\/ar\/sign-in\?callbackUrl=/)
  expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe(new URL(taskUrl).pathname)
})
