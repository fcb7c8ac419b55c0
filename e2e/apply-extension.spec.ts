import { expect, test } from '@playwright/test'
import trApp from '../locales/tr/application.json' with { type: 'json' }
import trCommon from '../locales/tr/common.json' with { type: 'json' }
import { makeUploadFiles, uploadEveryDocument } from './support/documents'
import { saveAndContinue } from './support/forms'
import { signInWithCode } from './support/sign-in'

test('an extension in Turkish, pre-filled from the current permit and the application that granted it', async ({
  page,
}) => {
  // In the demo data Li Wei holds a short-term (business) permit that ends in 35 days.
  await signInWithCode(page, 'li.wei@example.org', { locale: 'tr' })
  await page.goto('/tr/apply/extension')
  await page.locator('input[name="permitId"]').first().check()
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(/\/tr\/applications\/[0-9a-f-]{36}$/)
  await expect(page.locator('.hint').first()).toContainText(trCommon.kind.extension)

  const tags = page.locator('.task-list .tag')
  await expect(tags.nth(0)).toHaveText(trApp.taskState.completed)
  await expect(tags.nth(1)).toHaveText(trApp.taskState.completed)

  await page.locator('.task-list a').nth(0).click()
  await expect(page.locator('.notice')).toHaveText(trApp.prefilledNote)
  await expect(page.locator('#givenNames')).toHaveValue('Wei')
  await page.locator('#phone').fill('0533 111 22 33')
  await saveAndContinue(page)

  await page.locator('.task-list a').nth(2).click()
  await expect(page.locator('input[name="purpose"][value="business"]')).toBeChecked()
  await page.locator('#requestedMonths').fill('12')
  await saveAndContinue(page)

  await expect(tags.filter({ hasText: trApp.taskState.completed })).toHaveCount(5)
  await page.getByRole('link', { name: trApp.tasks.documents }).click()
  await uploadEveryDocument(page, await makeUploadFiles())
  await page.getByRole('link', { name: trApp.documents.back }).click()
  await page.getByRole('link', { name: trApp.tasks.check }).click()
  await expect(page.locator('main')).toContainText('+905331112233')
  await page.getByRole('button', { name: trApp.check.submit }).click()
  await expect(page.locator('.panel h1')).toHaveText(trApp.confirmation.title)
  await expect(page.locator('main')).toContainText(trCommon.status.documents_submitted)
  // Ankara takes extension documents by post (domain.md §4): the last day to post them.
  await expect(page.locator('main')).toContainText(
    trApp.confirmation.next.post.split('{{date}}')[1]!.split('.')[0]!.trim(),
  )
})
