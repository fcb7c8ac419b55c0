import { expect, type Page } from '@playwright/test'
import { latestSignInCode, signInCodesQueued } from './mailbox'
import { nextTotpCode } from './second-factor'

type Options = { locale?: string; staff?: boolean }

/** The first step through the real pages: e-mail, then the code from the outbox, typed here. */
export async function signInWithEmailCode(
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

/**
 * Signs in through the real pages; staff then type the code their authenticator app would
 * show (SECURITY.md SF-01). Staff without an app set up (an account an admin just created) set
 * it up on the way, from the secret the page shows, and go on past the recovery codes.
 */
export async function signInWithCode(page: Page, email: string, options: Options = {}) {
  await signInWithEmailCode(page, email, options)
  if (!options.staff) return
  await expect(page).toHaveURL(/\/staff\/sign-in\/second-factor/)
  await page.locator('#code').waitFor()
  const enrolling = (await page.getByTestId('totp-secret').count()) > 0
  await page.locator('#code').fill(await nextTotpCode(email))
  await page.locator('main form button[type=submit]').first().click()
  if (enrolling) {
    await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10)
    await page.locator('section[aria-labelledby="recovery-codes-title"] a').click()
  }
  await expect(page).not.toHaveURL(/\/sign-in\//)
}
