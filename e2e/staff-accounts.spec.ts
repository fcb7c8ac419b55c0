import { randomUUID } from 'node:crypto'
import { expect, test } from '@playwright/test'
import staffadmin from '../locales/en/staffadmin.json' with { type: 'json' }
import trStaffadmin from '../locales/tr/staffadmin.json' with { type: 'json' }
import validation from '../locales/en/validation.json' with { type: 'json' }
import { expectNoSeriousAxeProblems } from './support/axe'
import { signInWithCode } from './support/sign-in'
import { createStaffMember } from './support/staff'

const ISTANBUL = 34

test('an admin adds a caseworker, then switches them off: their next request is refused', async ({
  page: admin,
  browser,
}) => {
  test.setTimeout(120_000)
  const { email: adminEmail } = await createStaffMember('directorate_admin', ISTANBUL)
  await signInWithCode(admin, adminEmail, { staff: true })
  await expect(admin).toHaveURL(/\/en\/staff$/)

  // Bad input is refused in the person's language before anything is stored.
  await admin.goto('/en/staff/staff')
  await admin.getByRole('button', { name: staffadmin.accounts.create.submit }).click()
  await expect(admin.locator('.error-summary')).toContainText(validation.required)

  const name = `Deniz ${randomUUID().slice(0, 6)}`
  const workerEmail = `new.caseworker.${randomUUID().slice(0, 8)}@example.org`
  await admin.locator('#new-email').fill(workerEmail)
  await admin.locator('#new-displayName').fill(name)
  await admin.getByRole('button', { name: staffadmin.accounts.create.submit }).click()
  await expect(admin.getByRole('status')).toHaveText(staffadmin.accounts.done.created)

  // The new caseworker signs in with the e-mail code in a browser of their own.
  const context = await browser.newContext()
  const worker = await context.newPage()
  await signInWithCode(worker, workerEmail, { staff: true })
  await expect(worker).toHaveURL(/\/en\/staff$/)
  expect((await worker.goto('/en/staff/cases'))?.status()).toBe(200)

  await admin
    .getByRole('link', { name: staffadmin.accounts.open.replace('{{name}}', name) })
    .click()
  await admin.getByRole('button', { name: staffadmin.accounts.member.deactivate }).click()
  await expect(admin.getByRole('status')).toHaveText(staffadmin.accounts.done.deactivated)

  // The caseworker's very next request: signed out, sent to the staff sign-in.
  const response = await worker.goto('/en/staff/cases')
  const refused = response?.status() === 403 || /\/en\/staff\/sign-in/.test(worker.url())
  expect(refused, worker.url()).toBe(true)
  await expect(worker).toHaveURL(/\/en\/staff\/sign-in\?callbackUrl=/)
  await context.close()
})

test('a directorate admin changes opening hours on a phone; the page says from which day', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 360, height: 800 })
  const { email } = await createStaffMember('directorate_admin', 16)
  await signInWithCode(page, email, { locale: 'tr', staff: true })
  await expect(page).toHaveURL(/\/tr\/staff$/)
  await page.goto('/tr/staff/capacity')
  await page.getByRole('link', { name: trStaffadmin.offices.link }).click()
  await expect(page.locator('h1')).toHaveText(trStaffadmin.offices.title)
  await expectNoSeriousAxeProblems(page)
  await page.locator('main .card-list a').first().click()
  await expect(page.locator('main')).toContainText(trStaffadmin.offices.lead)

  // Closing before opening: the server refuses it in Turkish and keeps the week as it was.
  await page.locator('#hours-day-1').check()
  await page.locator('#hours-opensAt').fill('12:00')
  await page.locator('#hours-closesAt').fill('09:00')
  await page.getByRole('button', { name: trStaffadmin.offices.hours.submit }).click()
  await expect(page.locator('.error-summary')).toContainText(
    trStaffadmin.refusals.closes_before_opens,
  )

  await page.locator('#hours-day-6').check()
  await page.locator('#hours-opensAt').fill('09:00')
  await page.locator('#hours-closesAt').fill('12:00')
  await page.getByRole('button', { name: trStaffadmin.offices.hours.submit }).click()
  await expect(page.getByRole('status')).toContainText('tarihinden itibaren')
  await expect(page.getByRole('row', { name: /Cumartesi/ })).toContainText('09:00–12:00')
  await expectNoSeriousAxeProblems(page)
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width).toBeLessThanOrEqual(360)

  await page.goto('/ar/staff/staff')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expectNoSeriousAxeProblems(page)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
})
