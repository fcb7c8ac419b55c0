import type { Page } from '@playwright/test'

/** Fills a GOV.UK three-box date input from an ISO date. */
export async function fillDate(page: Page, id: string, iso: string) {
  const [year, month, day] = iso.split('-')
  await page.locator(`input[name="${id}-day"]`).fill(String(Number(day)))
  await page.locator(`input[name="${id}-month"]`).fill(String(Number(month)))
  await page.locator(`input[name="${id}-year"]`).fill(year!)
}

// Days counted on Türkiye's calendar, like the server's clocks.
export { inDays } from '../../lib/server/testing/application-fixtures'

export async function saveAndContinue(page: Page) {
  await page.locator('button[name="intent"][value="complete"]').click()
}
