import { randomBytes, randomUUID } from 'node:crypto'
import { expect, test, type Page } from '@playwright/test'
import arApp from '../locales/ar/application.json' with { type: 'json' }
import arValidation from '../locales/ar/validation.json' with { type: 'json' }
import enApp from '../locales/en/application.json' with { type: 'json' }
import ruApp from '../locales/ru/application.json' with { type: 'json' }
import { addMonths } from '../lib/domain/permits/dates'
import { e2eDb } from './support/e2e-db'
import { fillDate, inDays, saveAndContinue } from './support/forms'
import { signInWithCode } from './support/sign-in'

// Issue 12: the rules of Law 6458 refuse an application by name, in the reader's language,
// and keep what was typed.

async function signInHolding(page: Page, locale: string, permit: Record<string, string>) {
  const email = `law.${randomBytes(4).toString('hex')}@example.org`
  await signInWithCode(page, email, { locale })
  await expect(page).not.toHaveURL(/sign-in/)
  const [user] = await e2eDb()`select id from users where email = ${email}`
  const id = randomUUID()
  await e2eDb()`insert into residence_permits (id, holder_id, permit_type_code, purpose_code,
      document_number, valid_from, valid_until)
    values (${id}, ${user!.id}, ${permit.type!}, ${permit.purpose ?? null},
      ${`LAW-${randomBytes(4).toString('hex')}`}, ${permit.from!}, ${permit.until!})`
  return id
}

const errorSummary = (page: Page) => page.locator('.error-summary')

test('a change into the same type is refused in Russian, the answers kept', async ({ page }) => {
  const permitId = await signInHolding(page, 'ru', {
    type: 'short_term',
    purpose: 'tourism',
    from: inDays(-200),
    until: inDays(100),
  })
  await page.goto(`/ru/apply/transition?permit=${permitId}`)
  await page.locator('input[name="permitType"][value="short_term"]').check()
  await page.locator('input[name="hasAdditionalGround"][value="yes"]').check()
  await page.locator('main form button[type=submit]').click()
  await expect(errorSummary(page)).toContainText(ruApp.refusals.same_type)
  await expect(page).toHaveURL(/\/ru\/apply\/transition/)
  await expect(page.locator('input[name="permitType"][value="short_term"]')).toBeChecked()
  await expect(page.locator('input[name="hasAdditionalGround"][value="yes"]')).toBeChecked()
})

test('a family application is refused in Arabic for a sponsor on a permit under a year', async ({
  page,
}) => {
  await signInWithCode(page, `family.ar.${randomBytes(4).toString('hex')}@example.org`, {
    locale: 'ar',
  })
  await page.goto('/ar/apply/first')
  await page.locator('input[name="permitType"][value="family"]').check()
  await fillDate(page, 'legalStayUntil', inDays(40))
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(/\/ar\/applications\/[0-9a-f-]{36}$/)

  await page.getByRole('link', { name: arApp.tasks.sponsor, exact: true }).click()
  await page.locator('input[name="relationship"][value="spouse"]').check()
  await page.locator('#sponsorGivenNames').fill('علي')
  await page.locator('#sponsorSurname').fill('رحيمي')
  await page.locator('input[name="sponsorCitizenship"][value="foreigner"]').check()
  await page.locator('#sponsorIdentityNumber').fill('99123456740')
  await fillDate(page, 'sponsorPermitValidUntil', inDays(400))
  await fillDate(page, 'sponsorPermitHeldSince', inDays(-200))
  await page.locator('#sponsorMonthlyIncome').fill('60000')
  await page.locator('#familyMembers').fill('2')
  await saveAndContinue(page)
  await expect(page.locator('#sponsorPermitHeldSince-error')).toContainText(
    arValidation.sponsor.sponsor_permit_too_recent,
  )
  await expect(errorSummary(page)).toContainText(arValidation.sponsor.sponsor_permit_too_recent)
  // What was typed is still there.
  await expect(page.locator('#sponsorGivenNames')).toHaveValue('علي')
  await expect(page.locator('#sponsorMonthlyIncome')).toHaveValue('60000')
  await expect(page.locator('input[name="sponsorCitizenship"][value="foreigner"]')).toBeChecked()
})

test('a long-term permit is refused in English after 7 years and 11 months', async ({ page }) => {
  const today = inDays(0)
  const permitId = await signInHolding(page, 'en', {
    type: 'short_term',
    purpose: 'property_owner',
    from: addMonths(today, -95),
    until: inDays(200),
  })
  await page.goto(`/en/apply/transition?permit=${permitId}`)
  await page.locator('input[name="permitType"][value="long_term"]').check()
  await page.locator('input[name="hasAdditionalGround"][value="yes"]').check()
  await page.locator('main form button[type=submit]').click()
  const message = enApp.refusals.not_enough_years
    .replace('{{years}}', '7')
    .replace('{{months}}', '11')
  await expect(errorSummary(page)).toContainText(message)
  await expect(page.locator('input[name="permitType"][value="long_term"]')).toBeChecked()
})
