import { expect, test, type Page } from '@playwright/test'
import arApp from '../locales/ar/application.json' with { type: 'json' }
import arCommon from '../locales/ar/common.json' with { type: 'json' }
import enApp from '../locales/en/application.json' with { type: 'json' }
import enAppointments from '../locales/en/appointments.json' with { type: 'json' }
import enAuth from '../locales/en/auth.json' with { type: 'json' }
import enCommon from '../locales/en/common.json' with { type: 'json' }
import faApp from '../locales/fa/application.json' with { type: 'json' }
import faCommon from '../locales/fa/common.json' with { type: 'json' }
import { createBookableApplicant } from './support/bookable'
import { e2eDb } from './support/e2e-db'
import { fillDate, inDays, saveAndContinue } from './support/forms'
import { signInWithCode } from './support/sign-in'
import { createStaffMember } from './support/staff'

// What a new user met in the words and steps of the application: messages that name their
// field, our own message for an upload without a file, how and when to pay, one step fewer to
// book, "already sent" instead of "not found", the right header for staff, and no blank page
// between the start page and sign-in.

async function startDraft(page: Page, locale: string) {
  await signInWithCode(page, `words.${locale}.${Date.now()}@example.org`, { locale })
  await page.goto(`/${locale}/apply/first`)
  await page.locator('input[name="permitType"][value="short_term"]').check()
  await fillDate(page, 'legalStayUntil', inDays(40))
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(new RegExp(`/${locale}/applications/[0-9a-f-]{36}$`))
  return page.url()
}

test('each missing answer names its field; date of birth fills from the browser', async ({
  page,
}) => {
  const draft = await startDraft(page, 'ar')
  await page.goto(`${draft}/personal`)
  for (const part of ['day', 'month', 'year'])
    await expect(page.locator(`input[name="dateOfBirth-${part}"]`)).toHaveAttribute(
      'autocomplete',
      `bday-${part}`,
    )

  await saveAndContinue(page)
  const summary = page.locator('.error-summary li')
  await expect(summary.first()).toBeVisible()
  const messages = await summary.allTextContents()
  expect(messages).toEqual(
    expect.arrayContaining([
      arApp.fields.givenNames.required,
      arApp.fields.fatherName.required,
      arApp.fields.motherName.required,
      arApp.fields.dateOfBirth.required,
    ]),
  )
  // No message twice: a reader can tell which field each one is about.
  expect(new Set(messages).size).toBe(messages.length)
  await expect(page.locator('#fatherName-error')).toHaveText(arApp.fields.fatherName.required)
  await expect(page).toHaveTitle(new RegExp(`^${arCommon.errorSummary.titlePrefix} `))

  // A wrong answer of a kind several fields share gets the field's name in the summary.
  await page.locator('#fatherName').fill('S4mi')
  await saveAndContinue(page)
  await expect(summary.filter({ hasText: arApp.fields.fatherName.label })).toHaveCount(1)

  // The passport dates keep their own autocomplete off.
  await page.goto(`${draft}/passport`)
  await expect(page.locator('input[name="entryDate-day"]')).toHaveAttribute('autocomplete', 'off')
})

test('upload with no file chosen: our own message, in the language of the page', async ({
  page,
}) => {
  const draft = await startDraft(page, 'fa')
  await page.goto(`${draft}/documents`)
  await expect(page.locator('#file-passport_copy')).not.toHaveAttribute('required')
  await page.locator('form:has(#file-passport_copy) button[type=submit]').click()
  await expect(page).toHaveURL(/\/documents\?error=empty/)
  await expect(page.locator('.error-summary')).toContainText(faApp.documents.errors.empty)
  await expect(page.locator('#file-passport_copy-error')).toHaveText(faApp.documents.errors.empty)
  await expect(page).toHaveTitle(new RegExp(`^${faCommon.errorSummary.titlePrefix} `))
})

test('a sent application: how to pay, one click to choose a time, "already sent"', async ({
  page,
}) => {
  // İzmir: applicants choose their own time there.
  const { email, applicationId } = await createBookableApplicant(35)
  await e2eDb()`update applications set fee_total_kurus = 96400 where id = ${applicationId}`
  await signInWithCode(page, email)
  const base = `/en/applications/${applicationId}`

  for (const section of ['personal', 'documents', 'check']) {
    const response = await page.goto(`${base}/${section}`)
    expect(response?.status(), section).toBe(200)
    await expect(page).toHaveURL(new RegExp(`${base}/confirmation\\?notice=sent$`))
    await expect(page.locator('.notice[role=status]')).toHaveText(enApp.confirmation.alreadySent)
  }

  await expect(page.locator('main')).toContainText(/964[.,]00/)
  await expect(page.locator('main')).toContainText(enApp.confirmation.feePay.appointment)

  await page.getByRole('link', { name: enAppointments.book }).click()
  await expect(page).toHaveURL(new RegExp(`${base}/appointment/choose$`))
  await expect(page.locator('h1')).toHaveText(enAppointments.chooseTitle)
})

test('staff see the staff area in the header, not "My applications"', async ({ page }) => {
  const { email } = await createStaffMember('caseworker', 34)
  await signInWithCode(page, email, { staff: true })
  await expect(page).toHaveURL(/\/en\/staff$/)
  const header = page.locator('header nav')
  await expect(header.getByRole('link', { name: enCommon.nav.staffArea })).toBeVisible()
  await expect(header.getByRole('link', { name: enCommon.nav.myApplications })).toHaveCount(0)
})

test('start page to sign-in without a blank page in between', async ({ page }) => {
  // Every frame, what the page shows: a navigation that passes through a redirect renders an
  // empty main area until the next page arrives.
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __seen: string[] }).__seen = seen
    const look = () => {
      const main = document.querySelector('main')
      if (main && main.innerText.trim() === '') seen.push(location.pathname)
      requestAnimationFrame(look)
    }
    requestAnimationFrame(look)
  })
  await page.goto('/en/start/first')
  await page.waitForLoadState('networkidle')
  await page.getByRole('button', { name: enCommon.actions.startNow }).click()
  await expect(page.locator('h1')).toHaveText(enAuth.signIn.title)
  await expect(page).toHaveURL(/\/en\/sign-in\?callbackUrl=%2Fen%2Fapply%2Ffirst$/)
  expect(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([])
})
