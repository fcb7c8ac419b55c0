import { randomInt, randomUUID } from 'node:crypto'
import { expect, test, type Page } from '@playwright/test'
import enCallcentre from '../locales/en/callcentre.json' with { type: 'json' }
import ruApplications from '../locales/ru/applications.json' with { type: 'json' }
import ruCommon from '../locales/ru/common.json' with { type: 'json' }
import { makeReferenceNumber, REFERENCE_ALPHABET } from '../lib/domain/reference-number'
import { expectNoSeriousAxeProblems } from './support/axe'
import { e2eDb } from './support/e2e-db'
import { signInWithCode } from './support/sign-in'

// A call-centre agent on a phone verifies a caller and reads the status out in Russian; the
// page never shows the passport number, the address, the name or the full date of birth.

const AGENT = 'agent.callcentre@example.org'
const PASSPORT = 'P7319AB52'
const ANSWERS = {
  personal: { givenNames: 'Olga', surname: 'Smirnova', dateOfBirth: '1987-11-04' },
  passport: { passportNumber: PASSPORT },
  address: { district: 'Kadıköy', street: 'Moda Caddesi 77' },
}

async function sentApplication(): Promise<string> {
  const db = e2eDb()
  const userId = randomUUID()
  const reference = makeReferenceNumber(
    Array.from({ length: 9 }, () => randomInt(0, REFERENCE_ALPHABET.length)),
  )
  const [directorate] = await db<{ id: string }[]>`
    select id from directorates where province_code = 34`
  await db`insert into users (id, email, preferred_locale)
           values (${userId}, ${`caller.${userId.slice(0, 8)}@example.org`}, 'ru')`
  await db`insert into applications (id, reference, applicant_id, kind, permit_type_code,
             purpose_code, status, province_code, directorate_id, requested_months, submitted_at,
             decision_due_on, form_data)
           values (${randomUUID()}, ${reference}, ${userId}, 'first', 'short_term', 'tourism',
             'under_review', 34, ${directorate!.id}, 12, now() - interval '10 days',
             current_date + 60, ${db.json(ANSWERS)})`
  return reference
}

async function check(page: Page, reference: string, lastFour: string) {
  const t = enCallcentre
  await page.getByLabel(t.fields.reference).fill(reference.toLowerCase().replace(/-/g, ''))
  await page.locator('input[name="dateOfBirth-day"]').fill('4')
  await page.locator('input[name="dateOfBirth-month"]').fill('11')
  await page.locator('input[name="dateOfBirth-year"]').fill('1987')
  await page.getByLabel(t.fields.passportLastFour).fill(lastFour)
  await page.getByLabel(t.fields.reason).selectOption('status_question')
  await page.getByRole('button', { name: t.submit }).click()
}

test('an agent verifies a caller and reads the status in Russian', async ({ page }) => {
  const reference = await sentApplication()
  await signInWithCode(page, AGENT, { staff: true })
  await expect(page).toHaveURL(/\/en\/staff/)
  await page.goto('/en/staff/lookup?speak=ru')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(enCallcentre.title)
  await expect(page.getByLabel(enCallcentre.fields.speak)).toHaveValue('ru')

  // One wrong detail: the same "not found" as an unknown reference.
  await check(page, reference, 'AB53')
  await expect(page.getByText(enCallcentre.notFound).first()).toBeVisible()

  await check(page, reference, 'ab52')
  const view = page.getByRole('status').filter({ hasText: enCallcentre.view.title })
  await expect(view).toContainText(reference)
  await expect(page.getByTestId('spoken-status')).toHaveText(ruCommon.status.under_review)
  await expect(page.getByTestId('spoken-step')).toHaveText(
    ruApplications.progress.steps.under_review,
  )
  await expect(page.locator('.callcentre-spoken')).toHaveAttribute('lang', 'ru')

  const html = await page.content()
  for (const hidden of [
    PASSPORT,
    'Smirnova',
    'Olga',
    '1987-11-04',
    'Moda Caddesi',
    'Kadıköy',
    '<img',
  ])
    expect(html).not.toContain(hidden)
  await expectNoSeriousAxeProblems(page)

  // The console in Persian: right to left, and nothing wider than the phone.
  await page.goto('/fa/staff/lookup')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
  await expectNoSeriousAxeProblems(page)
})
