import { expect, test } from '@playwright/test'
import enApplications from '../locales/en/applications.json' with { type: 'json' }
import enStaff from '../locales/en/staff.json' with { type: 'json' }
import enValidation from '../locales/en/validation.json' with { type: 'json' }
import { expectNoSeriousAxeProblems } from './support/axe'
import { fillDate, inDays } from './support/forms'
import { signInWithCode } from './support/sign-in'
import { createStaffMember } from './support/staff'

const IZMIR = 35

test('staff register a walk-in applicant, who later claims the application from a phone', async ({
  page: staff,
  browser,
}) => {
  test.setTimeout(180_000)
  const { email } = await createStaffMember('caseworker', IZMIR)
  await signInWithCode(staff, email, { staff: true })
  await expect(staff).toHaveURL(/\/en\/staff$/)
  await staff.goto('/en/staff/walk-in')
  await staff.locator('a[href$="/staff/walk-in?type=short_term"]').click()

  // The online journey's bad input gets its translated message; nothing is stored.
  await staff.locator('#givenNames').fill('Amina')
  await staff.locator('#phone').fill('12')
  await staff.getByRole('button', { name: enStaff.walkIn.submit }).click()
  await expect(staff.locator('.error-summary')).toBeVisible()
  await expect(staff.locator('#phone-error')).toContainText(enValidation.phone.invalid)
  await expect(staff.locator('#givenNames')).toHaveValue('Amina')
  await expectNoSeriousAxeProblems(staff)

  const passport = `W${Date.now().toString().slice(-7)}`
  await fillDate(staff, 'legalStayUntil', inDays(40))
  await staff.locator('#surname').fill('Yusuf')
  await fillDate(staff, 'dateOfBirth', '1988-06-02')
  await staff.locator('#nationality').selectOption('SO')
  await staff.locator('#fatherName').fill('Abdi')
  await staff.locator('#motherName').fill('Hawa')
  await staff.locator('#phone').fill('0532 765 43 21')
  await staff.locator('#passportNumber').fill(passport)
  await fillDate(staff, 'passportValidUntil', inDays(900))
  await fillDate(staff, 'entryDate', inDays(-30))
  await staff.locator('input[name="purpose"][value="tourism"]').check()
  await staff.locator('#requestedMonths').fill('6')
  await staff.locator('#provinceCode').selectOption('35')
  await staff.locator('#district').fill('Konak')
  await staff.locator('#neighbourhood').fill('Alsancak')
  await staff.locator('#street').fill('Kıbrıs Şehitleri Cad. 12/4')
  await staff.locator('input[name="insuranceType"][value="private"]').check()
  await staff.locator('#provider').fill('Örnek Sigorta')
  await staff.locator('#policyNumber').fill('POL-77')
  await fillDate(staff, 'validUntil', inDays(400))
  await staff.getByRole('button', { name: enStaff.walkIn.submit }).click()

  await expect(staff.locator('h1')).toHaveText(enStaff.walkIn.receipt.title)
  const reference = (await staff.getByTestId('walk-in-reference').textContent())!.trim()
  expect(reference).toMatch(/^[A-Z0-9-]{10,}$/)
  await expect(staff.getByRole('button', { name: enStaff.walkIn.receipt.print })).toBeVisible()
  await expectNoSeriousAxeProblems(staff)

  // Later, on their own phone, the applicant opens an account and claims it.
  const context = await browser.newContext({ ...test.info().project.use })
  const applicant = await context.newPage()
  await signInWithCode(applicant, `walk-in.${Date.now()}@example.org`)
  await applicant.goto('/en/applications')
  await applicant.getByRole('link', { name: enApplications.claim.link }).click()
  await applicant.locator('#reference').fill(reference)
  await fillDate(applicant, 'dateOfBirth', '1988-06-02')
  // A wrong detail: one "not found", whatever was wrong.
  await applicant.locator('#passportNumber').fill('X0000000')
  await applicant.getByRole('button', { name: enApplications.claim.submit }).click()
  await expect(applicant.locator('.error-summary')).toContainText(
    enApplications.refusals.claimNotFound,
  )
  await expectNoSeriousAxeProblems(applicant)
  await applicant.locator('#passportNumber').fill(passport)
  await fillDate(applicant, 'dateOfBirth', '1988-06-02')
  await applicant.getByRole('button', { name: enApplications.claim.submit }).click()
  await expect(applicant).toHaveURL(/\/en\/applications\/[0-9a-f-]{36}/)
  await applicant.goto('/en/applications')
  await expect(applicant.locator('main')).toContainText(reference)
  expect(await applicant.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    await applicant.evaluate(() => window.innerWidth),
  )
  await context.close()
})
