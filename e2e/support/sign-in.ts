import { expect, type Page } from '@playwright/test'
import { latestSignInCode, signInCodesQueued } from './mailbox'

type Options = { locale?: string; staff?: boolean }

/** Signs in through the real pages: e-mail, then the code from the outbox, typed in this browser. */
export async function signInWithCode(
  page: Page,
  email: string,
  { locale = 'en', staff = false }: Options = {},
) {
  const queued = await signInCodesQueued(email)
  await page.goto(`/${locale}${staff ? '/staff' : ''}/sign-in`)
  await page.locator('#email').fill(email)
  await page.locator('main form button[type=submit]').click()
  await expect(page).toHaveURL(new RegExp(`/${locale}${staff ? '/staff' : ''}/sign-in/code`))
  const code = await latestSignInCode(email, queued)
  await page.locator('#token').fill(code)
  await page.locator('main form button[type=submit]').click()
}
