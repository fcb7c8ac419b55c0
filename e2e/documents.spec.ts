import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import enApp from '../locales/en/application.json' with { type: 'json' }
import { EICAR } from '../lib/server/testing/fake-clamd'
import { makeUploadFiles, uploadTo } from './support/documents'
import { fillDate, inDays } from './support/forms'
import { signInWithCode } from './support/sign-in'

test('the documents page: an oversized file gets a message, and the page is accessible', async ({
  page,
}) => {
  await signInWithCode(page, `docs.${Date.now()}@example.org`)
  await page.goto('/en/apply/first')
  await page.locator('input[name="permitType"][value="student"]').check()
  await fillDate(page, 'legalStayUntil', inDays(40))
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(/\/en\/applications\/[0-9a-f-]{36}$/)
  await page.goto(`${page.url()}/documents`)
  await expect(page.locator('h2')).toContainText([enApp.documents.items.student_certificate])

  // 12 MB that start like a PDF: the server answers from the Content-Length, before the body.
  const files = await makeUploadFiles()
  const big = path.join(path.dirname(files.pdf), 'big.pdf')
  writeFileSync(big, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(12 * 1024 * 1024)]))
  await uploadTo(page, 'student_certificate', big)
  await expect(page).toHaveURL(/error=too_large&item=student_certificate/)
  await expect(page.locator('.error-summary')).toBeFocused()
  await expect(page.locator('#file-student_certificate-error')).toHaveText(
    enApp.documents.errors.too_large.replace('{{size}}', '10 MB'),
  )
  await uploadTo(page, 'biometric_photo', files.photo)

  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  expect(
    results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])
})

test('the malware scan: a file the scanner flags is refused with a message', async ({ page }) => {
  await signInWithCode(page, `docs.virus.${Date.now()}@example.org`)
  await page.goto('/en/apply/first')
  await page.locator('input[name="permitType"][value="student"]').check()
  await fillDate(page, 'legalStayUntil', inDays(40))
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(/\/en\/applications\/[0-9a-f-]{36}$/)
  await page.goto(`${page.url()}/documents`)

  // A valid scan that carries the EICAR test file after its end (SECURITY.md UP-03).
  const files = await makeUploadFiles()
  const infected = path.join(path.dirname(files.pdf), 'infected.pdf')
  writeFileSync(infected, Buffer.concat([readFileSync(files.pdf), Buffer.from(`%${EICAR}\n`)]))
  await uploadTo(page, 'student_certificate', infected)
  await expect(page).toHaveURL(/error=infected&item=student_certificate/)
  await expect(page.locator('#file-student_certificate-error')).toHaveText(
    enApp.documents.errors.infected,
  )
  // The same scan without it goes through the scanner and is kept.
  await uploadTo(page, 'student_certificate', files.pdf)
  await expect(page).toHaveURL(/uploaded=student_certificate/)
})
