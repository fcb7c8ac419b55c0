import { expect, test, type Page } from '@playwright/test'
import arApplication from '../locales/ar/application.json' with { type: 'json' }
import arAuth from '../locales/ar/auth.json' with { type: 'json' }
import arCommon from '../locales/ar/common.json' with { type: 'json' }
import arHome from '../locales/ar/home.json' with { type: 'json' }
import enAuth from '../locales/en/auth.json' with { type: 'json' }
import enCommon from '../locales/en/common.json' with { type: 'json' }
import ruCommon from '../locales/ru/common.json' with { type: 'json' }
import ruStaff from '../locales/ru/staff.json' with { type: 'json' }
import { signInWithCode } from './support/sign-in'
import { createStaffMember } from './support/staff'

// Every page has its own <title> in its language, the service name after it, and "Error:"
// first when its form shows errors; a meta description in the same language.

const titled = (page: string, common: { serviceName: string }) => `${page} – ${common.serviceName}`

async function titleOf(page: Page, path: string) {
  await page.goto(path)
  await expect(page.locator('h1').first()).toBeVisible()
  return page.title()
}

test('public pages: each its own title and description, in the language of the page', async ({
  page,
}) => {
  const pages = {
    '/ar': arHome.title,
    '/ar/start/first': arHome.start.title.first,
    '/ar/start/extension': arHome.start.title.extension,
    '/ar/sign-in': arAuth.signIn.title,
    '/ar/staff/sign-in': arAuth.signIn.staffTitle,
  }
  const titles: string[] = []
  for (const [path, heading] of Object.entries(pages)) {
    const title = await titleOf(page, path)
    expect(title, path).toBe(titled(heading, arCommon))
    titles.push(title)
  }
  expect(new Set(titles).size).toBe(titles.length)

  await page.goto('/ar')
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', arHome.lead)
  await page.goto('/ar/start/transition')
  await expect(page.locator('meta[name="description"]')).toHaveAttribute(
    'content',
    arHome.start.who.transition,
  )
})

test('a failed submit puts "Error:" before the title, in the language of the page', async ({
  page,
}) => {
  await page.goto('/ar/sign-in')
  await page.locator('main form button[type=submit]').click()
  await expect(page.locator('.error-summary')).toBeVisible()
  await expect(page).toHaveTitle(
    `${arCommon.errorSummary.titlePrefix} ${titled(arAuth.signIn.title, arCommon)}`,
  )
  // A second failed submit does not say it twice.
  await page.locator('#email').fill('not-an-address')
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveTitle(
    `${arCommon.errorSummary.titlePrefix} ${titled(arAuth.signIn.title, arCommon)}`,
  )

  // An error the server shows from the address (a wrong code) is in the title from the start,
  // also without JavaScript's help, and only once.
  const email = `titles.${Date.now()}@example.org`
  await page.goto('/en/sign-in')
  await page.locator('#email').fill(email)
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(/\/en\/sign-in\/code/)
  await expect(page).toHaveTitle(titled(enAuth.code.title, enCommon))
  await page.locator('#token').fill('000000')
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(/\/en\/sign-in\/code\?error=/)
  await expect(page).toHaveTitle(
    `${enCommon.errorSummary.titlePrefix} ${titled(enAuth.code.title, enCommon)}`,
  )
})

test('applicant and staff pages have their own titles too', async ({ page, browser }) => {
  await signInWithCode(page, `titles.${Date.now()}@example.org`, { locale: 'ar' })
  await expect(page).toHaveURL(/\/ar\/applications$/)
  const mine = await page.title()
  expect(mine).toMatch(new RegExp(`– ${arCommon.serviceName}$`))
  const eligibility = await titleOf(page, '/ar/apply/first')
  expect(eligibility).toBe(titled(arApplication.eligibility.title.first, arCommon))
  expect(new Set([mine, eligibility, titled(arHome.title, arCommon)]).size).toBe(3)

  const staff = await browser.newContext()
  const staffPage = await staff.newPage()
  const { email } = await createStaffMember('directorate_admin', 34)
  await signInWithCode(staffPage, email, { locale: 'ru', staff: true })
  await expect(staffPage).toHaveURL(/\/ru\/staff$/)
  await expect(staffPage).toHaveTitle(titled(ruStaff.title, ruCommon))
  expect(await titleOf(staffPage, '/ru/staff/capacity')).toBe(
    titled(ruStaff.capacity.title, ruCommon),
  )
  // A refusal the page reads from its address: "Error:" from the server.
  expect(await titleOf(staffPage, '/ru/staff/capacity?error=date_invalid')).toBe(
    `${ruCommon.errorSummary.titlePrefix} ${titled(ruStaff.capacity.title, ruCommon)}`,
  )
  await staff.close()
})
