import { expect, test } from '@playwright/test'
import fa from '../locales/fa/sessions.json' with { type: 'json' }
import { signInWithCode } from './support/sign-in'

// Issue 15 (SECURITY.md SN-03): on a 360 px phone, in Persian, one browser sees the other in
// its list of sessions, named by browser and system, and signs it out.
const PHONE = { width: 360, height: 740 }
const FIREFOX_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0'

test.use({ viewport: PHONE })

test('one browser ends the other’s session, in Persian, at 360 px', async ({ page, browser }) => {
  const email = `sessions.${Date.now()}@example.org`
  const laptop = await browser.newContext({ viewport: PHONE, userAgent: FIREFOX_ON_WINDOWS })
  const other = await laptop.newPage()
  await signInWithCode(other, email, { locale: 'fa' })
  await expect(other).toHaveURL(/\/fa\/applications$/)
  await signInWithCode(page, email, { locale: 'fa' })
  await expect(page).toHaveURL(/\/fa\/applications$/)

  await page.getByRole('link', { name: 'دستگاه‌های واردشده' }).click()
  await expect(page).toHaveURL(/\/fa\/account\/sessions$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fa.title)
  const items = page.locator('.session-list > li')
  await expect(items).toHaveCount(2)
  const here = page.locator('[data-session="this"]')
  await expect(here.getByText(fa.thisDevice)).toBeVisible()
  await expect(here.getByRole('button')).toHaveCount(0)
  const there = page.locator('[data-session="other"]')
  await expect(there.getByRole('heading')).toHaveText('Firefox روی Windows')
  // Nothing on the page could resume a session: no token of either browser.
  const html = await page.content()
  for (const context of [page.context(), laptop])
    for (const cookie of await context.cookies())
      if (cookie.name.endsWith('ikamet.session')) expect(html).not.toContain(cookie.value)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  )

  await there.getByRole('button', { name: fa.end }).click()
  await expect(page).toHaveURL(/\/fa\/account\/sessions\?done=ended$/)
  await expect(page.getByRole('status')).toHaveText(fa.done.ended)
  await expect(items).toHaveCount(1)
  await expect(page.getByText(fa.noOthers)).toBeVisible()

  // The other browser is signed out on its next request; this one is not.
  await other.goto('/fa/applications')
  await expect(other).toHaveURL(/\/fa\/sign-in\?callbackUrl=/)
  await page.goto('/fa/applications')
  await expect(page).toHaveURL(/\/fa\/applications$/)
  await laptop.close()
})
