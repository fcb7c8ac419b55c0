import { expect, test, type Page } from '@playwright/test'
import applications from '../locales/en/applications.json' with { type: 'json' }
import payments from '../locales/en/payments.json' with { type: 'json' }
import { createUnpaidCase } from './support/cases'
import { e2eDb } from './support/e2e-db'
import { signInWithCode } from './support/sign-in'

// Paying the fees online (issue 18) on a 360 px phone: the status page shows each fee line,
// the total and the accrual reference; "Pay online" goes to the fake payment provider
// (e2e/support/fake-providers.ts), which tells the portal and sends the person back; the
// portal records the payment only after asking the provider, and the timeline says so.
test.use({ viewport: { width: 360, height: 780 } })

async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width, `page is ${width} px wide`).toBeLessThanOrEqual(360)
}

test('an applicant pays the fees online and the application records them', async ({ page }) => {
  const unpaid = await createUnpaidCase(34)
  await signInWithCode(page, unpaid.email)
  await page.goto(`/en/applications/${unpaid.id}/status`)

  const fees = page.getByTestId('fee-payment')
  await expect(fees.locator('h2')).toHaveText(payments.title)
  await expect(fees).toContainText(payments.lines.card)
  // As the portal formats money (lib/i18n/format-number.ts), in the reader's language.
  const lira = (n: number) =>
    new Intl.NumberFormat('en', { style: 'currency', currency: 'TRY' }).format(n)
  for (const amount of [964, 2536, 3500]) await expect(fees).toContainText(lira(amount))
  await expect(page.getByTestId('accrual-reference')).toHaveText(unpaid.reference)
  await expect(fees).toContainText(payments.bank.title)
  await expectNoSidewaysScroll(page)

  await fees.getByRole('button', { name: payments.online.submit }).click()
  await expect(page.locator('h1')).toHaveText('Fake payment provider')
  await expect(page.locator('#reference')).toHaveText(unpaid.reference)
  await expect(page.locator('#amount')).toHaveText('350000')
  await page.getByRole('button', { name: 'Pay' }).click()

  await expect(page).toHaveURL(new RegExp(`/en/applications/${unpaid.id}/status\\?done=payment`))
  await expect(page.locator('.notice[role=status]').first()).toContainText(
    applications.progress.done.payment,
  )
  const paidText = payments.paid.online.split('{{date}}')[0]!.trim()
  await expect(page.getByTestId('fee-payment')).toContainText(paidText)
  await expect(page.getByTestId('fee-payment').getByRole('button')).toHaveCount(0)
  await expect(page.locator('ol.timeline')).toContainText(applications.progress.events.fees_paid)
  await expectNoSidewaysScroll(page)

  // Recorded once, for the amount due, with the provider's payment id; the status stays.
  const rows = await e2eDb()<{ method: string; amount_kurus: number; status: string }[]>`
    select p.method, p.amount_kurus, a.status from fee_payments p
      join applications a on a.id = p.application_id where p.application_id = ${unpaid.id}`
  expect(rows).toEqual([{ method: 'online', amount_kurus: 350000, status: 'awaiting_appointment' }])
})
