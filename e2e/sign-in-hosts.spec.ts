import { expect, test } from '@playwright/test'
import auth from '../locales/en/auth.json' with { type: 'json' }
import applications from '../locales/en/applications.json' with { type: 'json' }
import { latestSignInCode, signInCodesQueued } from './support/mailbox'
import { signInWithCode } from './support/sign-in'
import { createStaffMember } from './support/staff'

// Runs on localhost, 127.0.0.1 and a made-up host name (see playwright.config.ts): each step
// must stay on the host the person used, where the session cookie lives.

test('a new applicant signs in and stays on the host they came in on', async ({
  page,
  baseURL,
}) => {
  const email = `host.${test.info().project.name}.${Date.now()}@example.org`
  await signInWithCode(page, email)
  await expect(page).toHaveURL(`${baseURL}/en/applications`)
  await expect(page.locator('h1')).toHaveText(applications.title)
  await page.reload()
  await expect(page).toHaveURL(`${baseURL}/en/applications`)
})

test('a wrong code says so, on the same host, and the right one still works', async ({
  page,
  baseURL,
}) => {
  const email = `wrong-host.${test.info().project.name}.${Date.now()}@example.org`
  const queued = await signInCodesQueued(email)
  await page.goto('/en/sign-in')
  await page.locator('#email').fill(email)
  await page.locator('main form button[type=submit]').click()
  const code = await latestSignInCode(email, queued)
  await page.locator('#token').fill(code === '000000' ? '111111' : '000000')
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(new RegExp(`^${baseURL}/en/sign-in/code`))
  await expect(page.locator('.error-summary')).toContainText(auth.code.wrongCode)
  await page.locator('#token').fill(code)
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(`${baseURL}/en/applications`)
})

test('staff sign in on the same host and reach the staff area', async ({ page, baseURL }) => {
  const { email } = await createStaffMember('caseworker', 35)
  await signInWithCode(page, email, { staff: true })
  await expect(page).toHaveURL(`${baseURL}/en/staff`)
})
