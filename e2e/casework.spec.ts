import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Browser } from '@playwright/test'
import faApplications from '../locales/fa/applications.json' with { type: 'json' }
import enCasework from '../locales/en/casework.json' with { type: 'json' }
import enCommon from '../locales/en/common.json' with { type: 'json' }
import faPermits from '../locales/fa/permits.json' with { type: 'json' }
import { createReviewCase } from './support/cases'
import { makeUploadFiles } from './support/documents'
import { inDays } from './support/forms'
import { signInWithCode } from './support/sign-in'
import { createStaffMember } from './support/staff'

const IZMIR = 35

async function staffPage(browser: Browser, role: string, locale = 'en') {
  const context = await browser.newContext()
  const page = await context.newPage()
  const { email } = await createStaffMember(role, IZMIR)
  await signInWithCode(page, email, { staff: true, locale })
  await expect(page).toHaveURL(new RegExp(`/${locale}/staff$`))
  return page
}

test('a caseworker asks for a document, the applicant answers from a phone, the case is approved and the card sent', async ({
  page: applicant,
  browser,
}) => {
  test.setTimeout(180_000)
  const c = await createReviewCase(IZMIR)
  const worker = await staffPage(browser, 'caseworker')

  // The case is in the queue, and its page asks for a missing document.
  await worker.goto('/en/staff/cases?status=under_review&sort=deadline')
  await expect(worker.locator(`a[href$="/cases/${c.id}"]`)).toBeVisible()
  await worker.goto(`/en/staff/cases/${c.id}`)
  await worker.locator('#request_documents-item-criminal_record').check()
  await worker.locator('#request_documents-message').fill('Please send your criminal record.')
  await worker.locator('#form-request_documents button[type=submit]').click()
  await expect(worker.locator('.notice--success')).toHaveText(enCasework.done.request)

  // The applicant, on a 360 px phone in Persian, uploads the document and sends the answer.
  await applicant.setViewportSize({ width: 360, height: 740 })
  await signInWithCode(applicant, c.email, { locale: 'fa' })
  await applicant.goto(`/fa/applications/${c.id}/status`)
  await expect(applicant.locator('h1')).toHaveText(faApplications.progress.title)
  await expect(applicant.locator('main')).toContainText('Please send your criminal record.')
  const { pdf } = await makeUploadFiles()
  await applicant.locator('#file-criminal_record').setInputFiles(pdf)
  await applicant.locator('form:has(#file-criminal_record) button[type=submit]').click()
  await expect(applicant).toHaveURL(/\/status\?uploaded=criminal_record/)
  await applicant.getByRole('button', { name: faApplications.progress.request.send }).click()
  await expect(applicant.locator('.notice--success')).toHaveText(
    faApplications.progress.done.answered,
  )
  expect(await applicant.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    360,
  )

  // Back in the queue under review: approve, print the card, hand it to PTT.
  await worker.goto(`/en/staff/cases/${c.id}`)
  await expect(worker.locator('.caption .tag')).toHaveText(enCommon.status.under_review)
  // The answered PDF is drawn inside the page by pdf.js, a page at a time.
  const viewer = worker.locator('.pdf-viewer').first()
  await expect(viewer.locator('canvas')).toBeVisible()
  await expect(viewer.locator('.pdf-pager')).toContainText('1 of 2')
  await viewer.getByRole('button', { name: 'Next page' }).click()
  await expect(viewer.locator('.pdf-pager')).toContainText('2 of 2')
  // Valid for 50 days, so its extension window (the last 60 days) is already open.
  await worker.locator('#approve-validUntil').fill(inDays(50))
  await worker.locator('#form-approve button[type=submit]').click()
  await expect(worker.locator('.caption .tag')).toHaveText(enCommon.status.approved)
  await worker.locator('#card_printing-cardSerial').fill('A12345678')
  await worker.locator('#form-card_printing button[type=submit]').click()
  await expect(worker.locator('.caption .tag')).toHaveText(enCommon.status.card_printing)
  await worker.locator('#handed_to_post-trackingNumber').fill('RR123456785TR')
  await worker.locator('#form-handed_to_post button[type=submit]').click()
  await expect(worker.locator('.caption .tag')).toHaveText(enCommon.status.handed_to_post)

  await applicant.reload()
  await expect(applicant.locator('main')).toContainText('RR123456785TR')
  await worker.locator('#form-delivered button[type=submit]').click()
  await expect(worker.locator('.caption .tag')).toHaveText(enCommon.status.delivered)
  await worker.context().close()

  // The new permit is the applicant's own: its extension starts from My permits.
  await applicant.goto('/fa/permits')
  const permit = applicant.locator('tr[data-permit-id]').first()
  await permit.getByRole('link', { name: faPermits.extension.open }).click()
  await expect(applicant).toHaveURL(/\/fa\/apply\/extension\?permit=[0-9a-f-]{36}$/)
  await applicant.locator('main form button[type=submit]').click()
  await expect(applicant).toHaveURL(/\/fa\/applications\/[0-9a-f-]{36}$/)
})

test('a supervisor confirms a refusal the caseworker proposed (four-eyes)', async ({ browser }) => {
  test.setTimeout(120_000)
  const c = await createReviewCase(IZMIR, 'en')
  const worker = await staffPage(browser, 'caseworker')
  await worker.goto(`/en/staff/cases/${c.id}`)
  await worker.locator('#refuse-legalBasis-art33_short_term_refusal').check()
  await worker.locator('#refuse-reason').fill('The purpose of the stay is not shown.')
  await worker.locator('#form-refuse button[type=submit]').click()
  await expect(worker.locator('.proposal')).toContainText(enCasework.proposal.refuse)
  // The proposer has no way to confirm it.
  await expect(worker.locator('#form-confirm_proposal')).toHaveCount(0)

  const supervisor = await staffPage(browser, 'supervisor')
  await supervisor.goto(`/en/staff/cases/${c.id}`)
  await supervisor.locator('#form-confirm_proposal button[type=submit]').click()
  await expect(supervisor.locator('.caption .tag')).toHaveText(enCommon.status.refused)

  // A stale form on the caseworker's page changes nothing and says why.
  await worker.locator('#form-note textarea').fill('Checked with the supervisor.')
  await worker.locator('#form-claim button[type=submit]').click()
  await expect(worker.locator('.error-summary')).toBeVisible()
  await worker.context().close()
  await supervisor.context().close()
})

for (const locale of ['tr', 'ar'] as const) {
  test(`the queue and a case page pass axe in ${locale}`, async ({ browser }) => {
    const c = await createReviewCase(IZMIR, locale)
    const worker = await staffPage(browser, 'caseworker', locale)
    for (const path of [`/${locale}/staff/cases`, `/${locale}/staff/cases/${c.id}`]) {
      await worker.goto(path)
      await expect(worker.locator('h1')).toBeVisible()
      const results = await new AxeBuilder({ page: worker })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
        .analyze()
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
    }
    await worker.context().close()
  })
}
