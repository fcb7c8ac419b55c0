import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

const PAGES = [
  '/en',
  '/ar',
  '/tr/start/first',
  '/en/sign-in',
  '/fa/sign-in',
  '/en/sign-in/code',
  '/en/staff/sign-in',
]

for (const path of PAGES) {
  test(`no serious or critical accessibility problems on ${path}`, async ({ page }) => {
    await page.goto(path)
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze()
    const serious = results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    )
    expect(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([])
  })
}

test('the sign-in error state is accessible too', async ({ page }) => {
  await page.goto('/en/sign-in')
  await page.locator('#email').fill('broken@')
  await page.locator('form button[type=submit]').click()
  await expect(page.locator('.error-summary')).toBeFocused()
  const results = await new AxeBuilder({ page }).analyze()
  expect(
    results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
  ).toEqual([])
})
