import { randomBytes } from 'node:crypto'
import { expect, test, type Page } from '@playwright/test'
import { inDays, saveAndContinue } from './support/forms'
import { signInWithCode } from './support/sign-in'

test.use({ baseURL: 'http://portal.ikamet.test:3600', viewport: { width: 360, height: 740 } })
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹'
const ARABIC = '٠١٢٣٤٥٦٧٨٩'
const native = (v: string, s: string) => v.replace(/\d/g, (d) => s[Number(d)]!)
async function fillDateNative(page: Page, id: string, iso: string, s: string) {
  const [y, m, d] = iso.split('-')
  await page.locator(`input[name="${id}-day"]`).fill(native(String(Number(d)), s))
  await page.locator(`input[name="${id}-month"]`).fill(native(String(Number(m)), s))
  await page.locator(`input[name="${id}-year"]`).fill(native(y!, s))
}
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

test('fa family at 360 on a named host, Persian digits', async ({ page }) => {
  await signInWithCode(page, `hand.fa.${randomBytes(3).toString('hex')}@example.org`, {
    locale: 'fa',
  })
  await page.goto('/fa/apply/first')
  await page.locator('input[name="permitType"][value="family"]').check()
  await fillDateNative(page, 'legalStayUntil', inDays(40), PERSIAN)
  await page.screenshot({ path: '/tmp/hand-fa-1.png', fullPage: true })
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(/\/fa\/applications\/[0-9a-f-]{36}$/)
  await page.screenshot({ path: '/tmp/hand-fa-2.png', fullPage: true })
  console.log('overflow tasks', await overflow(page))
  await page.locator('a[href*="/sponsor"]').first().click()
  await page.locator('input[name="relationship"][value="spouse"]').check()
  await page.locator('#sponsorGivenNames').fill('علی')
  await page.locator('#sponsorSurname').fill('رحیمی')
  await page.locator('input[name="sponsorCitizenship"][value="foreigner"]').check()
  await page.locator('#sponsorIdentityNumber').fill(native('99123456740', PERSIAN))
  await fillDateNative(page, 'sponsorPermitValidUntil', inDays(400), PERSIAN)
  await fillDateNative(page, 'sponsorPermitHeldSince', inDays(-200), PERSIAN)
  await page.locator('#sponsorMonthlyIncome').fill(native('60000', PERSIAN))
  await page.locator('#familyMembers').fill(native('2', PERSIAN))
  await saveAndContinue(page)
  await page.waitForTimeout(1000)
  await page.screenshot({ path: '/tmp/hand-fa-3.png', fullPage: true })
  console.log('overflow sponsor', await overflow(page))
  await fillDateNative(page, 'sponsorPermitHeldSince', inDays(-500), PERSIAN)
  await page.locator('#sponsorMonthlyIncome').fill(native('6000', PERSIAN))
  await saveAndContinue(page)
  await page.waitForTimeout(1000)
  await page.screenshot({ path: '/tmp/hand-fa-4.png', fullPage: true })
})

test('ar first short-term at 360 at 127.0.0.1 with Arabic digits: dates in future', async ({
  page,
}) => {
  test.info().annotations.push({ type: 'host', description: '127' })
  await page.context().clearCookies()
  await signInWithCode(page, `hand.ar.${randomBytes(3).toString('hex')}@example.org`, {
    locale: 'ar',
  })
  await page.goto('/ar/apply/first')
  await page.locator('input[name="permitType"][value="short_term"]').check()
  await fillDateNative(page, 'legalStayUntil', inDays(40), ARABIC)
  await page.locator('main form button[type=submit]').click()
  await page.screenshot({ path: '/tmp/hand-ar-1.png', fullPage: true })
  await page.locator('a[href*="/personal"]').first().click()
  await fillDateNative(page, 'dateOfBirth', inDays(30), ARABIC)
  await saveAndContinue(page)
  await page.waitForTimeout(1000)
  await page.screenshot({ path: '/tmp/hand-ar-2.png', fullPage: true })
  console.log('overflow personal', await overflow(page))
})

test('fa mail as it arrives, and the check page', async ({ page }) => {
  const { arrivedMails } = await import('./support/mailbox')
  const email = `hand.mail.${randomBytes(3).toString('hex')}@example.org`
  await signInWithCode(page, email, { locale: 'fa' })
  const [mail] = await arrivedMails(email)
  console.log('SUBJECT', mail!.subject)
  console.log('TEXT', mail!.text)
  const p2 = await page.context().newPage()
  await p2.setViewportSize({ width: 360, height: 700 })
  await p2.setContent(mail!.html)
  await p2.screenshot({ path: '/tmp/hand-mail-fa.png', fullPage: true })
  await page.goto('/fa/apply/first')
  await page.locator('input[name="permitType"][value="short_term"]').check()
  await fillDateNative(page, 'legalStayUntil', inDays(40), PERSIAN)
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(/\/fa\/applications\/[0-9a-f-]{36}$/)
  await page.goto(page.url() + '/check')
  await page.screenshot({ path: '/tmp/hand-check-fa.png', fullPage: true })
})
