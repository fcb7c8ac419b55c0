import { expect, test, type Locator, type Page } from '@playwright/test'
import arCommon from '../locales/ar/common.json' with { type: 'json' }
import trCommon from '../locales/tr/common.json' with { type: 'json' }
import { storeAnswers } from './support/sealed-answers'
import { makeUploadFiles, uploadEveryDocument } from './support/documents'
import { fillDate, inDays } from './support/forms'
import { createStaffMember } from './support/staff'
import { signInWithCode } from './support/sign-in'

// What a person on a small phone sees (issue 8, items 5, 6, 8, 9 and 10): the narrowest
// common screen, in the right-to-left languages and in Russian, whose words are long.
test.use({ viewport: { width: 360, height: 780 } })

const TAP = 44

async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width, `page is ${width} px wide`).toBeLessThanOrEqual(360)
}

async function expectOnScreen(locator: Locator) {
  const box = (await locator.boundingBox())!
  expect(box.x).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width).toBeLessThanOrEqual(360)
}

async function expectTapTargets(locator: Locator, what: string) {
  const heights = await locator.evaluateAll((els) =>
    els.map((el) => Math.round(el.getBoundingClientRect().height)),
  )
  expect(heights.length, what).toBeGreaterThan(0)
  for (const height of heights) expect(height, `${what}: ${height} px`).toBeGreaterThanOrEqual(TAP)
}

/** A first application whose five tasks are answered, with every document sent. */
async function draftReadyToCheck(page: Page, locale: string) {
  await signInWithCode(page, `layout.${locale}.${Date.now()}@example.org`, { locale })
  await page.goto(`/${locale}/apply/first`)
  await page.locator('input[name="permitType"][value="short_term"]').check()
  await fillDate(page, 'legalStayUntil', inDays(40))
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(new RegExp(`/${locale}/applications/[0-9a-f-]{36}$`))
  const id = page.url().split('/').at(-1)!
  const formData = {
    personal: {
      givenNames: 'Layla',
      surname: 'Haddad',
      dateOfBirth: '1991-04-12',
      nationality: 'JO',
      fatherName: 'Sami',
      motherName: 'Huda',
      phone: '+905321234567',
    },
    passport: {
      passportNumber: 'N1234567',
      passportValidUntil: inDays(800),
      entryDate: inDays(-50),
    },
    permit: { purpose: 'tourism', requestedMonths: 6 },
    address: {
      provinceCode: 34,
      district: 'Beşiktaş',
      neighbourhood: 'Sinanpaşa',
      street: 'Cad. 5',
    },
    insurance: {
      insuranceType: 'private',
      provider: 'Örnek Sigorta',
      policyNumber: 'POL-123',
      validUntil: inDays(400),
    },
  }
  await storeAnswers(id, formData)
  await page.goto(`/${locale}/applications/${id}/documents`)
  await uploadEveryDocument(page, await makeUploadFiles())
  return id
}

for (const locale of ['ar', 'fa']) {
  test(`a long e-mail address fits the sign-in code page and the header in ${locale}`, async ({
    page,
  }) => {
    const email = `averyveryverylongnamewithoutanybreaks${Date.now()}@subdomainofanorganisation.example.org`
    await page.goto(`/${locale}/sign-in`)
    await page.locator('#email').fill(email)
    await page.locator('main form button[type=submit]').click()
    await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in/code`))
    await expect(page.locator('main')).toContainText(email)
    await expectNoSidewaysScroll(page)
    await expectOnScreen(page.locator('main form button[type=submit]'))

    await signInWithCode(page, email, { locale })
    await expect(page.locator('.site-header')).toContainText(email)
    await expectNoSidewaysScroll(page)
    await expectOnScreen(page.locator('.site-header__account'))
  })
}

test('the check page in Russian: labels wrap beside their answers', async ({ page }) => {
  const id = await draftReadyToCheck(page, 'ru')
  await page.goto(`/ru/applications/${id}/check`)
  await expectNoSidewaysScroll(page)
  // No label spills out of its box onto its answer.
  const spilling = await page
    .locator('.summary dt, .summary dd')
    .evaluateAll((els) =>
      els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent),
    )
  expect(spilling).toEqual([])
})

test('Arabic on a phone: answers, dates, tap targets and provinces', async ({ page }) => {
  const id = await draftReadyToCheck(page, 'ar')
  const base = `/ar/applications/${id}`

  // The check page: a left-to-right answer sits on the reading (right) side of its cell.
  await page.goto(`${base}/check`)
  await expectNoSidewaysScroll(page)
  const gap = await page.locator('.summary dd', { hasText: '+905321234567' }).evaluate((dd) => {
    const range = document.createRange()
    range.selectNodeContents(dd)
    return dd.getBoundingClientRect().right - range.getBoundingClientRect().right
  })
  expect(gap).toBeLessThan(2)

  // The task list and its links.
  await page.goto(base)
  await expectTapTargets(page.locator('.task-list a'), 'task-list links')

  // The date boxes stand under their label, on the right.
  await page.goto(`${base}/personal`)
  const fieldset = page.locator('fieldset:has(input[name="dateOfBirth-day"])')
  const legendRight = await fieldset.locator('legend').evaluate((l) => {
    const range = document.createRange()
    range.selectNodeContents(l)
    return range.getBoundingClientRect().right
  })
  const boxesRight = await fieldset
    .locator('.date-input')
    .evaluate((d) => Math.max(...[...d.children].map((c) => c.getBoundingClientRect().right)))
  expect(Math.abs(legendRight - boxesRight)).toBeLessThan(4)

  // Provinces: the official name with the Arabic one beside it, in collation order.
  await page.goto(`${base}/address`)
  const provinces = await page.locator('#provinceCode option:not([value=""])').allTextContents()
  expect(provinces).toContain('İstanbul (إسطنبول)')
  const index = (start: string) => provinces.findIndex((p) => p.startsWith(start))
  expect(index('Çanakkale')).toBeLessThan(index('Denizli'))
  expect(index('Şanlıurfa')).toBeLessThan(index('Zonguldak'))

  // File inputs on the documents page.
  await page.goto(`${base}/documents`)
  await expectTapTargets(page.locator('input[type=file]'), 'file inputs')
})

test('provinces follow the Turkish alphabet on Turkish pages', async ({ page }) => {
  const id = await draftReadyToCheck(page, 'tr')
  await page.goto(`/tr/applications/${id}/address`)
  const real = await page.locator('#provinceCode option:not([value=""])').allTextContents()
  expect(real).toHaveLength(81)
  expect(real).toEqual([...real].sort(new Intl.Collator('tr').compare))
  expect(real.at(-1)).toBe('Zonguldak')
})

test('header and language links are 44 px tall and the language bar keeps the margins', async ({
  page,
}) => {
  await page.goto('/en')
  await expectTapTargets(page.locator('.language-switcher a'), 'language links')
  await expectTapTargets(page.locator('.site-header a'), 'header links')
  const languageStart = (await page.locator('.language-switcher a').first().boundingBox())!.x
  const contentStart = (await page.locator('main h1').boundingBox())!.x
  expect(Math.abs(languageStart - contentStart)).toBeLessThan(1)
  await expectNoSidewaysScroll(page)
})

test('the staff capacity and queue pages fit a 360 px phone', async ({ page }) => {
  const { email } = await createStaffMember('directorate_admin', 6)
  await signInWithCode(page, email, { locale: 'tr', staff: true })
  // Turkish and English were 449 and 373 px wide: the form widened the staff grid's column.
  for (const path of ['/tr/staff/capacity', '/en/staff/capacity', '/ru/staff/cases']) {
    await page.goto(path)
    await expect(page.locator('h1')).toBeVisible()
    await expectNoSidewaysScroll(page)
  }
})

test('an unknown address under /ar/ answers in Arabic, with the site header', async ({ page }) => {
  const response = await page.goto('/ar/no-such-page/here')
  expect(response?.status()).toBe(404)
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.locator('h1')).toHaveText(arCommon.notFound.title)
  await expect(page.locator('.site-header')).toBeVisible()
  await expect(page.locator('.language-switcher')).toBeVisible()

  // An unknown language code: the Turkish page, still with the header, never a bare error.
  const unknown = await page.goto('/de/sign-in')
  expect(unknown?.status()).toBe(404)
  await expect(page.locator('html')).toHaveAttribute('lang', 'tr')
  await expect(page.locator('h1')).toHaveText(trCommon.notFound.title)
  await expect(page.locator('.site-header')).toBeVisible()
})
