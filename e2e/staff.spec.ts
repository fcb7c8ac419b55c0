import { expect, test } from '@playwright/test'
import common from '../locales/en/common.json' with { type: 'json' }
import staff from '../locales/en/staff.json' with { type: 'json' }
import { signInWithCode } from './support/sign-in'

test('a caseworker signs in to the staff area and sees a menu for their role', async ({
  page,
}, info) => {
  const email =
    info.project.name === 'phone'
      ? 'caseworker.istanbul@example.org'
      : 'caseworker.ankara@example.org'
  await signInWithCode(page, email, { staff: true })
  await expect(page).toHaveURL(/\/en\/staff$/)
  await expect(page.locator('h1')).toHaveText(staff.title)
  await expect(page.locator('main')).toContainText(staff.role.caseworker)
  const nav = page.getByRole('navigation', { name: staff.navLabel })
  await expect(nav.getByRole('link', { name: staff.nav.cases })).toBeVisible()
  await expect(nav.getByRole('link', { name: staff.nav.lookup })).toHaveCount(0)
  // A section the role may not open answers 403.
  const response = await page.goto('/en/staff/tariffs')
  expect(response?.status()).toBe(403)
})

test('an applicant who opens a staff address gets nothing of it', async ({ page }) => {
  await signInWithCode(page, 'omar.haddad@example.org')
  for (const path of ['/en/staff', '/en/staff/cases', '/en/staff/lookup']) {
    const response = await page.goto(path)
    expect(response?.status()).toBe(404)
    await expect(page.locator('h1')).toHaveText(common.notFound.title)
    await expect(page.getByRole('navigation', { name: staff.navLabel })).toHaveCount(0)
  }
})

test('someone not signed in is sent to the staff sign-in', async ({ page }) => {
  await page.goto('/en/staff/cases')
  await expect(page).toHaveURL(/\/en\/staff\/sign-in\?callbackUrl=%2Fen%2Fstaff%2Fcases/)
})
