import { expect, test } from '@playwright/test'
import { createBookableApplicant } from './support/bookable'
import { expectNoSeriousAxeProblems } from './support/axe'
import { signInWithCode } from './support/sign-in'

test('the booking pages have no serious accessibility problems, right to left', async ({
  page,
}) => {
  const { email, applicationId } = await createBookableApplicant(26)
  await signInWithCode(page, email, { locale: 'ar' })
  const base = `/ar/applications/${applicationId}/appointment`
  await page.goto(`${base}/choose`)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expectNoSeriousAxeProblems(page)
  await page.locator('input[name="slotId"]').first().check()
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(new RegExp(`${base}/confirm$`))
  await expectNoSeriousAxeProblems(page)
})

test('the staff appointment and capacity pages have no serious accessibility problems', async ({
  page,
}) => {
  await signInWithCode(page, 'admin.ankara@example.org', { locale: 'tr', staff: true })
  await page.goto('/tr/staff/appointments')
  await expect(page.locator('h1')).toBeVisible()
  await expectNoSeriousAxeProblems(page)
  await page.goto('/tr/staff/capacity')
  await expect(page.locator('h1')).toBeVisible()
  await expectNoSeriousAxeProblems(page)
})
