import { expect, test } from '@playwright/test'
import common from '../locales/en/common.json' with { type: 'json' }
import { signInWithCode } from './support/sign-in'

test('a warning comes before the idle sign-out, and "stay signed in" keeps the session', async ({
  page,
}) => {
  await page.clock.install()
  await signInWithCode(page, `idle.${Date.now()}@example.org`)
  await expect(page).toHaveURL(/\/en\/applications$/)
  await expect(page.getByRole('alertdialog')).toHaveCount(0)

  await page.clock.fastForward('25:05')
  const dialog = page.getByRole('alertdialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('heading')).toHaveText(common.timeout.title)
  await expect(dialog.getByRole('button', { name: common.timeout.stay })).toBeFocused()

  await dialog.getByRole('button', { name: common.timeout.stay }).click()
  await expect(dialog).toHaveCount(0)
})
