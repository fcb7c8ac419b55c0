import { expect, test, type Browser, type Page } from '@playwright/test'
import { generate } from 'otplib'
import faAuth from '../locales/fa/auth.json' with { type: 'json' }
import faStaff from '../locales/fa/staff.json' with { type: 'json' }
import { expectNoSeriousAxeProblems } from './support/axe'
import { nextTotpCode } from './support/second-factor'
import { signInWithEmailCode } from './support/sign-in'
import { createStaffMember } from './support/staff'

// The staff second factor (SECURITY.md SF-01..05) on a 360 px phone, right to left (Persian).
test.use({ viewport: { width: 360, height: 740 } })

const IZMIR = 35
const sf = faAuth.secondFactor

async function noSideways(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
}

async function newPhone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } })
  return context.newPage()
}

test('a new staff member sets up the app, keeps recovery codes, and signs in with them once', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000)
  const { email } = await createStaffMember('caseworker', IZMIR, { enrolled: false })

  // First sign-in: after the e-mailed code, the staff area is not open yet.
  await signInWithEmailCode(page, email, { locale: 'fa', staff: true })
  await expect(page).toHaveURL(/\/fa\/staff\/sign-in\/second-factor/)
  await page.goto('/fa/staff/cases')
  await expect(page).toHaveURL(
    /\/fa\/staff\/sign-in\/second-factor\?callbackUrl=%2Ffa%2Fstaff%2Fcases/,
  )
  expect((await page.request.get('/api/v1/staff/cases')).status()).toBe(401)

  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.locator('h1')).toHaveText(sf.enrolTitle)
  await expect(page.locator('.qr-code svg')).toBeVisible()
  const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '')
  expect(secret).toMatch(/^[A-Z2-7]{32}$/)
  await noSideways(page)
  await expectNoSeriousAxeProblems(page)

  // A wrong code is refused with the tries left, in Persian digits.
  await page.locator('#code').fill('000000')
  await page.locator('main form button[type=submit]').first().click()
  await expect(page.locator('.error-summary, [role=alert]').first()).toContainText('۴')

  const code = await generate({ secret })
  await page.locator('#code').fill(code)
  await page.locator('main form button[type=submit]').first().click()
  const codes = page.getByTestId('recovery-codes').locator('li')
  await expect(codes).toHaveCount(10)
  const recovery = (await codes.first().textContent())!.trim()
  expect(recovery).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
  await noSideways(page)
  await page.getByRole('link', { name: sf.continue }).click()
  await expect(page).toHaveURL(/\/fa\/staff\/cases$/)
  await page.goto('/fa/staff')
  await expect(page.locator('h1')).toHaveText(faStaff.title)

  // On another phone: the code just used is refused (once per time step), a recovery code works.
  const second = await newPhone(browser)
  await signInWithEmailCode(second, email, { locale: 'fa', staff: true })
  await expect(second.locator('h1')).toHaveText(sf.title)
  await second.locator('#code').fill(code)
  await second.locator('main form button[type=submit]').first().click()
  await expect(second.locator('#code-error, .field-error').first()).toBeVisible()
  await second.locator('#code').fill(recovery.toLowerCase())
  await second.locator('main form button[type=submit]').first().click()
  await expect(second).toHaveURL(/\/fa\/staff$/)

  // A recovery code works once; the app's next code still does.
  const third = await newPhone(browser)
  await signInWithEmailCode(third, email, { locale: 'fa', staff: true })
  await third.locator('#code').fill(recovery)
  await third.locator('main form button[type=submit]').first().click()
  await expect(third).toHaveURL(/second-factor/)
  await expect(third.locator('#code-error, .field-error').first()).toBeVisible()
  await third.locator('#code').fill(await nextTotpCode(email))
  await third.locator('main form button[type=submit]').first().click()
  await expect(third).toHaveURL(/\/fa\/staff$/)
})
