import { expect, test } from '@playwright/test'
import en from '../locales/en/appointments.json' with { type: 'json' }
import assignment from '../locales/en/assignment.json' with { type: 'json' }
import { createBookableApplicant } from './support/bookable'
import { fillDate, inDays } from './support/forms'
import { signInWithCode } from './support/sign-in'

test('in İstanbul the applicant states when they can come instead of choosing a time', async ({
  page,
}) => {
  const { email, applicationId } = await createBookableApplicant(34)
  await signInWithCode(page, email, { locale: 'en' })
  const base = `/en/applications/${applicationId}/appointment`
  await page.goto(`${base}/choose`)
  await expect(page).toHaveURL(new RegExp(`${base}/assigned$`))
  await expect(page.locator('h1')).toHaveText(assignment.title)

  // A day in the past is refused with a message; nothing is saved.
  await fillDate(page, 'earliestDate', inDays(-1))
  await page.getByLabel(assignment.partOfDay.morning).check()
  await page.getByRole('button', { name: assignment.form.send }).click()
  await expect(page.locator('.error-summary')).toBeVisible()
  await expect(page.locator('main')).not.toContainText(assignment.request.waiting)

  await fillDate(page, 'earliestDate', inDays(3))
  for (const day of ['1', '3', '5'] as const)
    await page.getByLabel(assignment.weekday[day]).uncheck()
  await page.getByRole('button', { name: assignment.form.send }).click()
  await expect(page.locator('main')).toContainText(assignment.request.waiting)
  await expect(page.locator('dd').nth(1)).toHaveText(
    `${assignment.weekday['2']}, ${assignment.weekday['4']}`,
  )

  // Holding a time through the API is refused for these directorates, in the reader's language.
  const hold = await page.request.post(`/api/v1/applications/${applicationId}/appointment/hold`, {
    headers: { 'idempotency-key': crypto.randomUUID(), 'accept-language': 'en' },
    data: { slotId: crypto.randomUUID() },
  })
  expect(hold.status()).toBe(422)
  expect((await hold.json()).error.message).toBe(en.errors.assigned_directorate)
})
