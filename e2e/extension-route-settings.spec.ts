import { expect, test } from '@playwright/test'
import enCasework from '../locales/en/casework.json' with { type: 'json' }
import { e2eDb } from './support/e2e-db'
import { signInWithCode } from './support/sign-in'
import { createStaffMember } from './support/staff'

// domain.md §4: how extension documents reach a directorate is its own setting.
const DUZCE = 81

test('a directorate admin sets how extension documents reach the directorate', async ({ page }) => {
  const { email } = await createStaffMember('directorate_admin', DUZCE)
  await signInWithCode(page, email, { staff: true, locale: 'en' })
  await page.goto('/en/staff/cases/settings')
  const post = page.locator('#settings-extensionRoute-post')
  await expect(page.locator('#settings-extensionRoute-appointment')).toBeChecked()
  await expect(page.locator('main')).toContainText(enCasework.settings.extensionRoutes.post)
  await post.check()
  await page.getByRole('button', { name: enCasework.settings.save }).click()
  await expect(page.locator('.notice[role=status]')).toHaveText(enCasework.settings.saved)
  await expect(post).toBeChecked()
  await page.screenshot({ path: 'test-results/extension-route-settings.png', fullPage: true })
  // Puts the default back for other runs; RETURNING's subquery still sees the saved value.
  const db = e2eDb()
  const [row] = await db<{ extension_route: string }[]>`
    update directorates set extension_route = 'appointment' where province_code = ${DUZCE}
    returning (select extension_route from directorates where province_code = ${DUZCE})`
  expect(row!.extension_route).toBe('post')
})
