import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, type Page } from '@playwright/test'
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'

export type UploadFiles = { photo: string; pdf: string }

/** A passport-style photo and a two-page scan, made fresh in a temporary folder. */
export async function makeUploadFiles(): Promise<UploadFiles> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ikamet-e2e-'))
  const photo = path.join(dir, 'photo.jpg')
  const pdf = path.join(dir, 'scan.pdf')
  const jpeg = await sharp({ create: { width: 600, height: 780, channels: 3, background: '#eee' } })
    .withExif({ IFD0: { Make: 'E2ECam' } })
    .jpeg()
    .toBuffer()
  writeFileSync(photo, jpeg)
  const doc = await PDFDocument.create()
  doc.addPage([595, 842]).drawText('Scan, page 1')
  doc.addPage([595, 842]).drawText('Scan, page 2')
  writeFileSync(pdf, await doc.save())
  return { photo, pdf }
}

/** On the documents page: sends one file through the plain multipart form of an item. */
export async function uploadTo(page: Page, item: string, file: string) {
  // From the page without a previous outcome in its address, so the wait below is for this one.
  const clean = page.url().replace(/\?.*$/, '')
  if (page.url() !== clean) await page.goto(clean)
  await page.locator(`#file-${item}`).setInputFiles(file)
  await page.locator(`form:has(#file-${item}) button[type=submit]`).click()
  await expect(page).toHaveURL(/\/documents\?(uploaded|error)=/)
}

/** The photo for the photo item, the scan for every other item that still takes a file. */
export async function uploadEveryDocument(page: Page, files: UploadFiles) {
  // Wait for the documents page itself: under load the click that opened it may still be
  // navigating, and reading the inputs of the previous page would find none.
  await expect(page).toHaveURL(/\/documents(\?|$)/)
  await page.locator('input[type=file]').first().waitFor()
  const items = await page
    .locator('input[type=file]')
    .evaluateAll((inputs) => inputs.map((i) => i.id.replace(/^file-/, '')))
  for (const item of items) {
    await uploadTo(page, item, item === 'biometric_photo' ? files.photo : files.pdf)
    await expect(page.locator('.notice[role=status]')).toBeVisible()
  }
}
