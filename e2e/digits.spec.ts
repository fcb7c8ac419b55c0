import { expect, test, type Page } from '@playwright/test'
import faAppointments from '../locales/fa/appointments.json' with { type: 'json' }
import faValidation from '../locales/fa/validation.json' with { type: 'json' }
import trApp from '../locales/tr/application.json' with { type: 'json' }
import trCommon from '../locales/tr/common.json' with { type: 'json' }
import { createBookableApplicant } from './support/bookable'
import { e2eDb } from './support/e2e-db'
import { inDays, saveAndContinue } from './support/forms'
import { latestSignInCode, signInCodesQueued } from './support/mailbox'

// Digits as Persian and Arabic keyboards type them, and dates in the calendar of the law:
// issue 8, items 2–4, on a phone in right-to-left Persian.

const PERSIAN = '۰۱۲۳۴۵۶۷۸۹'
const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩'
const inScript = (value: string, script: string) => value.replace(/\d/g, (d) => script[Number(d)]!)
const GREGORIAN_FA =
  /(ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر) [۰-۹]{4}/
const SOLAR_HIJRI_FA = /فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|بهمن|اسفند|۱۴۰[۰-۹]/

/** Signs in through the pages, typing the e-mailed code in Persian digits. */
async function signInTypingPersian(page: Page, email: string) {
  const queued = await signInCodesQueued(email)
  await page.goto('/fa/sign-in')
  await page.locator('#email').fill(email)
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(/\/fa\/sign-in\/code/)
  const code = await latestSignInCode(email, queued)
  await page.locator('#token').fill(inScript(code, PERSIAN))
  await page.locator('main form button[type=submit]').click()
}

async function fillDateIn(page: Page, id: string, iso: string, script: string) {
  const [year, month, day] = iso.split('-')
  await page.locator(`input[name="${id}-day"]`).fill(inScript(String(Number(day)), script))
  await page.locator(`input[name="${id}-month"]`).fill(inScript(String(Number(month)), script))
  await page.locator(`input[name="${id}-year"]`).fill(inScript(year!, script))
}

test('signs in with a code in Persian digits and takes a date of birth in Arabic-Indic digits', async ({
  page,
  browser,
}) => {
  await signInTypingPersian(page, `digits.${Date.now()}@example.org`)
  await expect(page).toHaveURL(/\/fa\/applications$/)

  await page.goto('/fa/apply/first')
  await page.locator('input[name="permitType"][value="short_term"]').check()
  await fillDateIn(page, 'legalStayUntil', inDays(40), PERSIAN)
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(/\/fa\/applications\/[0-9a-f-]{36}$/)
  const draft = page.url()

  await page.goto(`${draft}/personal`)
  await page.locator('#givenNames').fill('Sara')
  await page.locator('#surname').fill('Ahmadi')
  await fillDateIn(page, 'dateOfBirth', '1990-03-27', ARABIC_INDIC)
  await page.locator('#nationality').selectOption('IR')
  await page.locator('#fatherName').fill('Reza')
  await page.locator('#motherName').fill('Mina')
  await page.locator('#phone').fill('۰۵۳۲ ۱۲۳ ۴۵ ۶۷')
  await saveAndContinue(page)
  await expect(page).toHaveURL(draft)
  await page.goto(`${draft}/personal`)
  await expect(page.locator('input[name="dateOfBirth-day"]')).toHaveValue('27')
  await expect(page.locator('input[name="dateOfBirth-month"]')).toHaveValue('3')
  await expect(page.locator('input[name="dateOfBirth-year"]')).toHaveValue('1990')

  // Without JavaScript the server answers the form: a wrong date keeps the boxes as typed.
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  })
  const plain = await noScript.newPage()
  await plain.goto(`${draft}/personal`)
  await fillDateIn(plain, 'dateOfBirth', '1990-02-31', ARABIC_INDIC)
  await plain.locator('button[name="intent"][value="complete"]').click()
  await expect(plain.locator('#dateOfBirth-error')).toContainText(faValidation.date.invalid)
  await expect(plain.locator('input[name="dateOfBirth-day"]')).toHaveValue('٣١')
  await expect(plain.locator('input[name="dateOfBirth-month"]')).toHaveValue('٢')
  await expect(plain.locator('input[name="dateOfBirth-year"]')).toHaveValue('١٩٩٠')
  await noScript.close()
})

test('Persian appointment pages, e-mail and registration form show Gregorian dates, the form in Turkish too', async ({
  page,
}) => {
  const { email, applicationId } = await createBookableApplicant(16, 'fa')
  await signInTypingPersian(page, email)
  await expect(page).toHaveURL(/\/fa\/applications$/)
  const api = `/api/v1/applications/${applicationId}/appointment`
  const free = await (await page.request.get(`${api}/slots`)).json()
  const slot = free.days.at(-1).slots[0]
  const held = await page.request.post(`${api}/hold`, {
    headers: { 'idempotency-key': crypto.randomUUID() },
    data: { slotId: slot.id },
  })
  expect(held.ok()).toBe(true)

  const base = `/fa/applications/${applicationId}/appointment`
  await page.goto(`${base}/confirm`)
  const when = page.locator('.summary dd').nth(1)
  await expect(when).toHaveText(GREGORIAN_FA)
  await expect(when).not.toHaveText(SOLAR_HIJRI_FA)
  await page.getByRole('button', { name: faAppointments.held.confirm }).click()
  await expect(page.locator('.notice')).toHaveText(faAppointments.done.booked)
  await expect(when).toHaveText(GREGORIAN_FA)
  await expect(when).not.toHaveText(SOLAR_HIJRI_FA)
  await page.goto(`${base}/slip`)
  await expect(when).toHaveText(GREGORIAN_FA)

  const [mail] = await e2eDb()<{ body: string }[]>`
    select body from outbox_messages
     where recipient = ${email} and template = 'appointment-booked'`
  expect(mail!.body).toMatch(GREGORIAN_FA)
  expect(mail!.body).not.toMatch(SOLAR_HIJRI_FA)

  await page.goto(`/fa/applications/${applicationId}/registration-form`)
  const turkish = page.locator('.registration-form td [lang="tr"]')
  await expect(turkish.filter({ hasText: trCommon.permitType.short_term })).toHaveCount(1)
  await expect(turkish.filter({ hasText: trApp.purposes.tourism })).toHaveCount(1)
  await expect(turkish.filter({ hasText: trCommon.status.awaiting_appointment })).toHaveCount(1)
  // The appointment in Turkish: Gregorian month and year, İstanbul clock time.
  await expect(turkish.filter({ hasText: slot.time })).toHaveText(
    /\d{1,2} (Ocak|Şubat|Mart|Nisan|Mayıs|Haziran|Temmuz|Ağustos|Eylül|Ekim|Kasım|Aralık) 20\d\d/,
  )
})
