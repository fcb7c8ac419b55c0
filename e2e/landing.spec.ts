import { expect, test } from '@playwright/test'
import tr from '../locales/tr/common.json' with { type: 'json' }

const LOCALES = [
  { locale: 'tr', dir: 'ltr' },
  { locale: 'en', dir: 'ltr' },
  { locale: 'ar', dir: 'rtl' },
  { locale: 'fa', dir: 'rtl' },
  { locale: 'ru', dir: 'ltr' },
]

for (const { locale, dir } of LOCALES) {
  test(`landing page in ${locale} is ${dir} with all entry points`, async ({ page }) => {
    const response = await page.goto(`/${locale}`)
    expect(response?.status()).toBe(200)
    await expect(page.locator('html')).toHaveAttribute('lang', locale)
    await expect(page.locator('html')).toHaveAttribute('dir', dir)
    await expect(page.locator('h1')).toBeVisible()
    const entries = page.locator('main .card-list a')
    await expect(entries).toHaveCount(5)
    await expect(page.locator(`a[href="/${locale}/start/first"]`)).toBeVisible()
    await expect(page.locator('.language-switcher a')).toHaveCount(5)
  })
}

test('the root address picks the language the browser asks for', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ru-RU' })
  const page = await context.newPage()
  await page.goto('/')
  await expect(page).toHaveURL(/\/ru$/)
  await context.close()
})

test('the language switcher keeps the page', async ({ page }) => {
  await page.goto('/en/start/extension')
  await page.locator('.language-switcher a[hreflang="ar"]').click()
  await expect(page).toHaveURL(/\/ar\/start\/extension$/)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
})

test('an unknown language code answers 404 in Turkish', async ({ page }) => {
  const response = await page.goto('/de/irgendwas')
  expect(response?.status()).toBe(404)
  await expect(page.locator('html')).toHaveAttribute('lang', 'tr')
  await expect(page.locator('h1')).toHaveText(tr.notFound.title)
})

test('an unknown page answers 404', async ({ page }) => {
  const response = await page.goto('/en/no-such-page')
  expect(response?.status()).toBe(404)
})

test('the test mailbox does not exist in a production deployment', async ({ page }) => {
  const response = await page.goto('/en/dev/mailbox')
  expect(response?.status()).toBe(404)
})
