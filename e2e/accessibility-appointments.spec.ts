import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { createBookableApplicant } from './support/bookable'
import { signInWithCode } from './support/sign-in'

async function expectNoSeriousProblems(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  )
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])
}

test('the booking pages have no serious accessibility problems, right to left', async ({
  page,
}) => {
  const { email, applicationId } = await createBookableApplicant(26)
  await signInWithCode(page, email, { locale: 'ar' })
  const base = `/ar/applications/${applicationId}/appointment`
  await page.goto(`${base}/choose`)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expectNoSeriousProblems(page)
  await page.locator('input[name="slotId"]').first().check()
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(new RegExp(`${base}/confirm$`))
  await expectNoSeriousProblems(page)
})

test('the staff appointment and capacity pages have no serious accessibility problems', async ({
  page,
}) => {
  await signInWithCode(page, 'admin.ankara@example.org', { locale: 'tr', staff: true })
  await page.goto('/tr/staff/appointments')
  await expect(page.locator('h1')).toBeVisible()
  await expectNoSeriousProblems(page)
  await page.goto('/tr/staff/capacity')
  await expect(page.locator('h1')).toBeVisible()
  await expectNoSeriousProblems(page)
})
