import { expect, test } from '@playwright/test'
import enApp from '../locales/en/application.json' with { type: 'json' }
import trApp from '../locales/tr/application.json' with { type: 'json' }
import { signInWithCode } from './support/sign-in'

test('the registration form prints in the reader language beside Turkish', async ({ page }) => {
  await signInWithCode(page, 'omar.haddad@example.org', { locale: 'en' })
  await page.locator('table .ref').first().click()
  await expect(page).toHaveURL(/\/confirmation$/)
  await page.getByRole('link', { name: enApp.registration.open }).click()
  await expect(page.locator('h1')).toContainText(enApp.registration.title)
  await expect(page.locator('h1 [lang="tr"]')).toHaveText(trApp.registration.title)
  await expect(page.locator('.registration-form td').first()).toHaveText(
    /^[2-9A-Y]{4}-[2-9A-Y]{4}-[2-9A-Y]{2}$/,
  )
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.site-header')).toBeHidden()
  await expect(page.getByRole('button', { name: enApp.registration.print })).toBeHidden()
})
