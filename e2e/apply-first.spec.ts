import { expect, test, type Page } from '@playwright/test'
import enApp from '../locales/en/application.json' with { type: 'json' }
import arApp from '../locales/ar/application.json' with { type: 'json' }
import enValidation from '../locales/en/validation.json' with { type: 'json' }
import { makeUploadFiles, uploadEveryDocument, uploadTo } from './support/documents'
import { fillDate, inDays, saveAndContinue } from './support/forms'
import { signInWithCode } from './support/sign-in'

async function startFirstTourismApplication(page: Page, locale: string) {
  await signInWithCode(page, `first.${locale}.${Date.now()}@example.org`, { locale })
  await page.goto(`/${locale}/apply/first`)
  await page.locator('input[name="permitType"][value="short_term"]').check()
  await fillDate(page, 'legalStayUntil', inDays(40))
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(new RegExp(`/${locale}/applications/[0-9a-f-]{36}$`))
}

async function completeTasks(page: Page) {
  const taskLinks = page.locator('.task-list a')
  await taskLinks.nth(0).click()
  await page.locator('#givenNames').fill('Layla')
  await page.locator('#surname').fill('Haddad')
  await fillDate(page, 'dateOfBirth', '1991-04-12')
  await page.locator('#nationality').selectOption('JO')
  await page.locator('#fatherName').fill('Sami')
  await page.locator('#motherName').fill('Huda')
  await page.locator('#phone').fill('0532 123 45 67')
  await saveAndContinue(page)

  await taskLinks.nth(1).click()
  await page.locator('#passportNumber').fill('n 1234567')
  await fillDate(page, 'passportValidUntil', inDays(800))
  await fillDate(page, 'entryDate', inDays(-50))
  await saveAndContinue(page)

  await taskLinks.nth(2).click()
  await page.locator('input[name="purpose"][value="tourism"]').check()
  await page.locator('#requestedMonths').fill('6')
  await saveAndContinue(page)

  await taskLinks.nth(3).click()
  await page.locator('#provinceCode').selectOption('34')
  await page.locator('#district').fill('Beşiktaş')
  await page.locator('#neighbourhood').fill('Sinanpaşa')
  await page.locator('#street').fill('Ihlamurdere Cad. 5/2')
  await saveAndContinue(page)

  await taskLinks.nth(4).click()
  await page.locator('input[name="insuranceType"][value="private"]').check()
  await page.locator('#provider').fill('Örnek Sigorta')
  await page.locator('#policyNumber').fill('POL-123')
  await fillDate(page, 'validUntil', inDays(400))
  await saveAndContinue(page)
}

test('a first short-term (tourism) application in English, from sign-in to confirmation', async ({
  page,
}) => {
  await startFirstTourismApplication(page, 'en')
  await expect(page.locator('.task-list .tag').first()).toHaveText(enApp.taskState.not_started)

  // A bad value gets a translated message and keeps what was typed.
  await page.locator('.task-list a').nth(0).click()
  await page.locator('#phone').fill('12')
  await saveAndContinue(page)
  await expect(page.locator('.error-summary')).toBeVisible()
  await expect(page.locator('#phone-error')).toContainText(enValidation.phone.invalid)
  await expect(page.locator('#phone')).toHaveValue('12')
  await page.goBack()
  await page.goto(page.url().replace(/\/personal$/, ''))

  await completeTasks(page)
  await expect(
    page.locator('.task-list .tag').filter({ hasText: enApp.taskState.completed }),
  ).toHaveCount(5)
  await expect(page.getByRole('link', { name: enApp.tasks.check })).toHaveCount(0)

  // Documents: a scan sent as the photo is refused with a translated message, then the real
  // files go in, and a file can be downloaded (as an attachment) and deleted.
  const files = await makeUploadFiles()
  await page.getByRole('link', { name: enApp.tasks.documents }).click()
  await expect(page.locator('h1')).toHaveText(enApp.documents.heading)
  await uploadTo(page, 'biometric_photo', files.pdf)
  await expect(page.locator('.error-summary')).toContainText(
    enApp.documents.errors.type_not_allowed,
  )
  await uploadEveryDocument(page, files)
  await uploadTo(page, 'passport_copy', files.pdf)
  const passportFiles = page.locator('section[aria-labelledby="passport_copy-title"] .file-list li')
  await expect(passportFiles).toHaveCount(2)
  const download = await page.request.get(
    (await passportFiles.first().locator('a').getAttribute('href'))!,
  )
  expect(download.headers()['content-disposition']).toMatch(/^attachment;/)
  expect(download.headers()['x-content-type-options']).toBe('nosniff')
  expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-')
  await passportFiles.first().getByRole('button').click()
  await expect(passportFiles).toHaveCount(1)
  await page.getByRole('link', { name: enApp.documents.back }).click()
  await expect(
    page.locator('.task-list .tag').filter({ hasText: enApp.taskState.completed }),
  ).toHaveCount(6)
  await page.getByRole('link', { name: enApp.tasks.check }).click()
  await expect(page.locator('h1')).toHaveText(enApp.check.title)
  // The fee is shown before sending (domain.md §8), card fee and permit fee apart: Jordan is
  // outside the demo country table, so the lira tariff applies (400 TL + 5 × 100 TL).
  const fee = page.getByTestId('fee-summary')
  await expect(fee).toContainText(enApp.check.feeCard)
  await expect(fee).toContainText(enApp.check.feePermit)
  await expect(fee.locator('dd').nth(0)).toContainText('964.00')
  await expect(fee.locator('dd').nth(1)).toContainText('900.00')
  await expect(fee.locator('dd').nth(2)).toContainText('1,864.00')
  await expect(page.locator('main')).toContainText('N1234567')
  await expect(page.locator('main')).toContainText('+905321234567')

  // Two clicks on "send" make one application.
  const send = page.getByRole('button', { name: enApp.check.submit })
  await send.dblclick()
  await expect(page).toHaveURL(/\/confirmation$/)
  await expect(page.locator('.panel h1')).toHaveText(enApp.confirmation.title)
  await expect(page.locator('.panel .ref')).toHaveText(/^[2-9A-Y]{4}-[2-9A-Y]{4}-[2-9A-Y]{2}$/)
  await expect(page.locator('main')).toContainText(/TRY|₺/)

  await page.goto('/en/applications')
  await expect(page.locator('table tbody tr')).toHaveCount(1)
})

test('the same in Arabic, right to left', async ({ page }) => {
  await startFirstTourismApplication(page, 'ar')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.locator('h1')).toHaveText(arApp.taskList.title)
  await completeTasks(page)
  await page.getByRole('link', { name: arApp.tasks.documents }).click()
  await expect(page.locator('h1')).toHaveText(arApp.documents.heading)
  await uploadEveryDocument(page, await makeUploadFiles())
  await page.getByRole('link', { name: arApp.documents.back }).click()
  await page.getByRole('link', { name: arApp.tasks.check }).click()
  await page.getByRole('button', { name: arApp.check.submit }).click()
  await expect(page.locator('.panel h1')).toHaveText(arApp.confirmation.title)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
})

test('a draft is resumed after signing out and in again', async ({ page }) => {
  const email = `resume.${Date.now()}@example.org`
  await signInWithCode(page, email)
  await page.goto('/en/apply/first')
  await page.locator('input[name="permitType"][value="short_term"]').check()
  await fillDate(page, 'legalStayUntil', inDays(40))
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(/\/en\/applications\/[0-9a-f-]{36}$/)
  const draftUrl = page.url()
  await page.locator('.task-list a').nth(0).click()
  await page.locator('#givenNames').fill('Resumed')
  await page.locator('button[name="intent"][value="later"]').click()
  await expect(page).toHaveURL(draftUrl)
  await expect(page.locator('.task-list .tag').first()).toHaveText(enApp.taskState.in_progress)

  await page.locator('header form button[type=submit]').click()
  await expect(page).toHaveURL(/\/en$/)
  await page.goto(draftUrl)
  await expect(page).toHaveURL(/sign-in/)
  await signInWithCode(page, email)
  await page.goto(draftUrl)
  await page.locator('.task-list a').nth(0).click()
  await expect(page.locator('#givenNames')).toHaveValue('Resumed')
})

test('an extension outside its window is refused with the reason', async ({ page }) => {
  // Sara's student permit ended on 15 September 2026 in the demo data.
  await signInWithCode(page, 'sara.ahmadi@example.org')
  await page.goto('/en/apply/extension')
  await page.locator('input[name="permitId"]').first().check()
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(/\/en\/apply\/extension\/stop\?reason=permit_expired/)
  await expect(page.locator('.lead')).toHaveText(enApp.stop.reasons.permit_expired)
})

test("another applicant's draft and its files answer 404", async ({ page, browser }) => {
  await startFirstTourismApplication(page, 'en')
  const draftUrl = page.url()
  await page.goto(`${draftUrl}/documents`)
  await uploadTo(page, 'passport_copy', (await makeUploadFiles()).pdf)
  const fileUrl = await page.locator('.file-list a').first().getAttribute('href')
  const other = await browser.newContext()
  const otherPage = await other.newPage()
  await signInWithCode(otherPage, `other.${Date.now()}@example.org`)
  for (const path of ['', '/personal', '/documents', '/check', '/confirmation']) {
    const response = await otherPage.goto(draftUrl + path)
    expect(response?.status()).toBe(404)
  }
  expect((await otherPage.request.get(fileUrl!)).status()).toBe(404)
  expect((await otherPage.request.delete(fileUrl!)).status()).toBe(404)
  expect((await page.request.get(fileUrl!)).status()).toBe(200)
  await other.close()
})
