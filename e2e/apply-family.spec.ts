import { expect, test, type Page } from '@playwright/test'
import enApp from '../locales/en/application.json' with { type: 'json' }
import enValidation from '../locales/en/validation.json' with { type: 'json' }
import { fillDate, inDays, saveAndContinue } from './support/forms'
import { signInWithCode } from './support/sign-in'

// A family residence permit has one task more than the others: the sponsor, the family member
// in Türkiye the applicant joins (Law 6458 art. 34–35).

async function startFirstApplication(page: Page, permitType: 'family' | 'short_term') {
  await signInWithCode(page, `${permitType}.${Date.now()}@example.org`)
  await page.goto('/en/apply/first')
  await page.locator(`input[name="permitType"][value="${permitType}"]`).check()
  await fillDate(page, 'legalStayUntil', inDays(40))
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(/\/en\/applications\/[0-9a-f-]{36}$/)
}

const taskRow = (page: Page, name: string) =>
  page.locator('.task-list li').filter({ has: page.getByRole('link', { name, exact: true }) })

test('a family application in English: the sponsor task, filled in and completed', async ({
  page,
}) => {
  await startFirstApplication(page, 'family')
  const draftUrl = page.url()
  await expect(taskRow(page, enApp.tasks.sponsor).locator('.tag')).toHaveText(
    enApp.taskState.not_started,
  )

  // A foreign sponsor without the end date of their permit is asked for it.
  await page.getByRole('link', { name: enApp.tasks.sponsor, exact: true }).click()
  await expect(page.locator('h1')).toHaveText(enApp.tasks.sponsor)
  await page.locator('input[name="relationship"][value="spouse"]').check()
  await page.locator('#sponsorGivenNames').fill('Ali')
  await page.locator('#sponsorSurname').fill('Rahimi')
  await page.locator('input[name="sponsorCitizenship"][value="foreigner"]').check()
  await page.locator('#sponsorIdentityNumber').fill('991 234 567 40')
  await saveAndContinue(page)
  await expect(page.locator('.error-summary')).toBeVisible()
  await expect(page.locator('#sponsorPermitValidUntil-error')).toContainText(
    enApp.fields.sponsorPermitValidUntil.required,
  )

  await fillDate(page, 'sponsorPermitValidUntil', inDays(400))
  await fillDate(page, 'sponsorPermitHeldSince', inDays(-800))
  await page.locator('#sponsorMonthlyIncome').fill('60000')
  await page.locator('#familyMembers').fill('2')
  await saveAndContinue(page)
  await expect(page).toHaveURL(draftUrl)
  await expect(taskRow(page, enApp.tasks.sponsor).locator('.tag')).toHaveText(
    enApp.taskState.completed,
  )

  // The family permit may not end after the sponsor's permit.
  await page.getByRole('link', { name: enApp.tasks.permit, exact: true }).click()
  await expect(page.locator('input[name="purpose"]')).toHaveCount(0)
  await page.locator('#requestedMonths').fill('24')
  await saveAndContinue(page)
  await expect(page.locator('#requestedMonths-error')).toContainText(
    enValidation.months.family_beyond_sponsor,
  )
  await page.locator('#requestedMonths').fill('6')
  await saveAndContinue(page)
  await expect(page).toHaveURL(draftUrl)
  await expect(taskRow(page, enApp.tasks.permit).locator('.tag')).toHaveText(
    enApp.taskState.completed,
  )

  // The answers are kept: the sponsor page shows them again, the number as saved.
  await page.getByRole('link', { name: enApp.tasks.sponsor, exact: true }).click()
  await expect(page.locator('#sponsorIdentityNumber')).toHaveValue('99123456740')
  await expect(page.locator('input[name="relationship"][value="spouse"]')).toBeChecked()
})

test('a short-term application has no sponsor task, and its sponsor page is 404', async ({
  page,
}) => {
  await startFirstApplication(page, 'short_term')
  await expect(page.locator('.task-list a')).toHaveCount(6) // five tasks and the documents
  await expect(page.getByRole('link', { name: enApp.tasks.sponsor, exact: true })).toHaveCount(0)
  const response = await page.goto(`${page.url()}/sponsor`)
  expect(response?.status()).toBe(404)
})
