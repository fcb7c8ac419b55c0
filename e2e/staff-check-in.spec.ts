import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import staff from '../locales/en/staff.json' with { type: 'json' }
import { signInWithCode } from './support/sign-in'

// The demo appointment of db/seed/appointment-demo.ts (DEMO_CHECK_IN): Nodira Yusupova, today
// at 10:00 at the İstanbul Fatih office, passport FA4417093. Written out here because the seed
// module is server-only. The run's database is seeded fresh, so the appointment is today's.
const APPLICANT = 'Nodira Yusupova'
const PASSPORT_AS_TYPED = 'fa 441 7093'
// The İstanbul supervisor works the counter here (the role may check in, like a caseworker):
// staff.spec.ts signs in caseworker.istanbul in the same project at the same time, and two
// parallel sign-ins of one address could read each other's code from the mailbox.
const OFFICER = 'supervisor.istanbul@example.org'

test('an officer at the counter checks an applicant in', async ({ page }) => {
  await signInWithCode(page, OFFICER, { staff: true })
  await expect(page).toHaveURL(/\/en\/staff$/)
  await page
    .getByRole('navigation', { name: staff.navLabel })
    .getByRole('link', { name: staff.nav.appointments })
    .click()
  await expect(page).toHaveURL(/\/en\/staff\/appointments$/)
  await expect(page.locator('h1')).toHaveText(staff.appointments.title)

  const expected = page.locator('tbody tr').filter({ hasText: APPLICANT })
  await expect(expected).toHaveCount(1)
  await expect(expected).toContainText(staff.appointments.status.confirmed)
  // The list never shows the passport number: the officer types it from the document.
  await expect(page.locator('main')).not.toContainText('FA4417093')

  // A wrong number: refused, shown in the error summary and at the field, nothing changes.
  await expected.locator('summary').click()
  await expected.locator('input[name="identityNumber"]').fill('FA4417094')
  await expected.locator('form button[type=submit]').first().click()
  await expect(page).toHaveURL(/error=identity_mismatch/)
  await expect(page.locator('.error-summary')).toBeFocused()
  await expect(page.locator('.error-summary')).toContainText(
    staff.appointments.errors.identity_mismatch,
  )
  const again = page.locator('tbody tr').filter({ hasText: APPLICANT })
  await expect(again).toContainText(staff.appointments.status.confirmed)
  await expect(again.locator('.error-message')).toHaveText(
    staff.appointments.errors.identity_mismatch,
  )

  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  expect(
    results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])

  // The right number, typed loosely, at counter 1: checked in, the application goes to review.
  await again.locator('input[name="identityNumber"]').fill(PASSPORT_AS_TYPED)
  await again
    .locator('select[name="counterId"]')
    .selectOption({ label: staff.appointments.counter.replace('{{label}}', '1') })
  await again.locator('form button[type=submit]').first().click()
  await expect(page).toHaveURL(/done=attended/)
  await expect(page.locator('.notice[role=status]')).toContainText(
    staff.appointments.done.attended.split('{{reference}}')[1]!.trim(),
  )
  const seen = page.locator('table', {
    has: page.locator('caption', {
      hasText: staff.appointments.counter.replace('{{label}}', '1'),
    }),
  })
  await expect(seen.locator('tbody tr').filter({ hasText: APPLICANT })).toContainText(
    staff.appointments.status.attended,
  )
  await expect(page.locator('.error-summary')).toHaveCount(0)
})
