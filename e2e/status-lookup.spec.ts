import { randomInt, randomUUID } from 'node:crypto'
import { expect, test, type Page } from '@playwright/test'
import arCommon from '../locales/ar/common.json' with { type: 'json' }
import arLookup from '../locales/ar/lookup.json' with { type: 'json' }
import { makeReferenceNumber, REFERENCE_ALPHABET } from '../lib/domain/reference-number'
import { e2eDb } from './support/e2e-db'
import { storeAnswers } from './support/sealed-answers'

// The public status lookup in Arabic on a phone, without signing in: the reference typed with
// Arabic-Indic digits, as an Arabic keyboard gives them.

const BIRTH = { day: '15', month: '6', year: '1992' }
const PASSPORT = 'K9876543'
const arabicDigits = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + +d))

/** A reference with several digits in it, so typing them in Arabic-Indic digits matters. */
function referenceWithDigits(): string {
  for (;;) {
    const ref = makeReferenceNumber(
      Array.from({ length: 9 }, () => randomInt(0, REFERENCE_ALPHABET.length)),
    )
    if ((ref.match(/[0-9]/g) ?? []).length >= 4) return ref
  }
}

async function sentApplication(): Promise<string> {
  const db = e2eDb()
  const userId = randomUUID()
  const reference = referenceWithDigits()
  const id = randomUUID()
  const [directorate] = await db<{ id: string }[]>`
    select id from directorates where province_code = 34`
  await db`insert into users (id, email, preferred_locale)
           values (${userId}, ${`lookup.${userId.slice(0, 8)}@example.org`}, 'ar')`
  const formData = {
    personal: { givenNames: 'Rania', surname: 'Haddad', dateOfBirth: '1992-06-15' },
    passport: { passportNumber: PASSPORT },
  }
  await db`insert into applications (id, reference, applicant_id, kind, permit_type_code,
             purpose_code, status, province_code, directorate_id, requested_months, submitted_at,
             form_data)
           values (${id}, ${reference}, ${userId}, 'first', 'short_term', 'tourism',
             'handed_to_post', 34, ${directorate!.id}, 12, now() - interval '20 days',
             ${db.json({})})`
  await storeAnswers(id, formData)
  return reference
}

async function fillLookup(page: Page, reference: string, birth = BIRTH) {
  await page.getByLabel(arLookup.fields.reference.label).fill(arabicDigits(reference))
  await page.getByLabel(arLookup.fields.passportNumber.label).fill(PASSPORT)
  await page.locator('input[name="dateOfBirth-day"]').fill(arabicDigits(birth.day))
  await page.locator('input[name="dateOfBirth-month"]').fill(arabicDigits(birth.month))
  await page.locator('input[name="dateOfBirth-year"]').fill(arabicDigits(birth.year))
  await page.getByRole('button', { name: arLookup.submit }).click()
}

test('a lookup in Arabic without signing in, the reference typed in Arabic-Indic digits', async ({
  page,
}) => {
  const reference = await sentApplication()
  await page.goto('/ar')
  await page.locator('a[href="/ar/track"]').click()
  await expect(page).toHaveURL(/\/ar\/track$/)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.locator('h1')).toHaveText(arLookup.title)

  // A wrong date of birth: the same "not found" as an unknown reference, in Arabic.
  await fillLookup(page, reference, { ...BIRTH, day: '16' })
  await expect(page.locator('.error-summary')).toContainText(arLookup.notFound)

  await fillLookup(page, reference)
  const result = page.locator('.lookup-result')
  await expect(result).toContainText(arCommon.status.handed_to_post)
  await expect(result).toContainText(reference)
  await expect(result).toContainText(arLookup.result.nextStep.post)
  await expect(page.locator('body')).not.toContainText('Haddad')
  await expect(page).toHaveURL(/\/ar\/track$/)
})

test('a wrong check character is named before anything is looked up', async ({ page }) => {
  await page.goto('/ar/track')
  const reference = referenceWithDigits()
  const last = reference.at(-1)!
  const typo =
    reference.slice(0, -1) +
    REFERENCE_ALPHABET[(REFERENCE_ALPHABET.indexOf(last) + 1) % REFERENCE_ALPHABET.length]
  await fillLookup(page, typo)
  await expect(page.locator('.error-summary')).toContainText(arLookup.errors.referenceCheck)
  await expect(page.locator('#reference-error')).toContainText(arLookup.errors.referenceCheck)
})
