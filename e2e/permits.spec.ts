import { randomUUID } from 'node:crypto'
import { expect, test } from '@playwright/test'
import faCommon from '../locales/fa/common.json' with { type: 'json' }
import faPermits from '../locales/fa/permits.json' with { type: 'json' }
import { createUnclaimedPermit, persianDigits } from './support/permits'
import { expectNoSeriousAxeProblems } from './support/axe'
import { signInWithCode } from './support/sign-in'

test('a permit holder claims a permit issued before the account, in Persian, and extends it', async ({
  page,
}) => {
  const permit = await createUnclaimedPermit()
  await signInWithCode(page, `holder.${randomUUID().slice(0, 8)}@example.org`, { locale: 'fa' })
  await expect(page).not.toHaveURL(/sign-in/)

  await page.getByRole('link', { name: faPermits.title }).first().click()
  await expect(page).toHaveURL(/\/fa\/permits$/)
  await expect(page.locator('main')).toContainText(faPermits.empty)
  await page.getByRole('link', { name: faPermits.missing.link }).click()
  await expect(page).toHaveURL(/\/fa\/permits\/claim$/)

  // Typed on a Persian keyboard; the first try has a wrong day of birth.
  await page.locator('#foreignerIdNumber').fill(persianDigits(permit.foreignerIdNumber))
  await page.locator('#cardSerial').fill(permit.cardSerial.toLowerCase())
  await page.locator('#birthDate').fill('۴')
  await page.locator('#birthDate-month').fill('۱۱')
  await page.locator('#birthDate-year').fill('۱۹۸۸')
  await page.getByRole('button', { name: faPermits.claim.submit }).click()
  await expect(page.locator('.error-summary')).toContainText(faPermits.refusals.claim_not_matched)
  await expect(page.locator('#foreignerIdNumber')).toHaveValue(
    persianDigits(permit.foreignerIdNumber),
  )
  await expectNoSeriousAxeProblems(page)

  await page.locator('#birthDate').fill('۳')
  await page.getByRole('button', { name: faPermits.claim.submit }).click()
  await expect(page).toHaveURL(/\/fa\/permits\?claimed=1$/)
  await expect(page.getByRole('status')).toHaveText(faPermits.claimed)
  const row = page.locator(`tr[data-permit-id="${permit.id}"]`)
  await expect(row).toContainText(permit.documentNumber)
  await expect(row).toContainText(faPermits.card.issued)
  await expectNoSeriousAxeProblems(page)

  await row.getByRole('link', { name: faPermits.extension.open }).click()
  await expect(page).toHaveURL(new RegExp(`/fa/apply/extension\\?permit=${permit.id}$`))
  await expect(page.locator(`input[name="permitId"][value="${permit.id}"]`)).toBeChecked()
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(/\/fa\/applications\/[0-9a-f-]{36}$/)
  await expect(page.locator('.hint').first()).toContainText(faCommon.kind.extension)
})
