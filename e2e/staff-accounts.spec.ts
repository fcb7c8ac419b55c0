import { randomUUID } from 'node:crypto'
import { expect, test } from '@playwright/test'
import staffadmin from '../locales/en/staffadmin.json' with { type: 'json' }
import validation from '../locales/en/validation.json' with { type: 'json' }
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
