import { expect, test } from '@playwright/test'
import ru from '../locales/ru/appointments.json' with { type: 'json' }
import { createBookableApplicant } from './support/bookable'
import { e2eDb } from './support/e2e-db'
import { signInWithCode } from './support/sign-in'

// The choose-a-time page shows one day at a time (issue 8, item 7): a phone once had to
// scroll past 224 times, ten screens, to reach "Continue".
test.use({ viewport: { width: 360, height: 780 } })

const placesStart = ru.freePlaces.split('{{')[0]!

/** The Türkiye date of the applicant's appointment, as the database keeps it. */
async function bookedDay(applicationId: string) {
  const [row] = await e2eDb()<{ day: string }[]>`
    select to_char(s.starts_at at time zone 'Europe/Istanbul', 'YYYY-MM-DD') as day
      from appointments a join appointment_slots s on s.id = a.slot_id
     where a.application_id = ${applicationId} and a.status = 'confirmed'`
  return row?.day
}

test('a day picker with free places per day; one day of times; book on the second day', async ({
  page,
}) => {
  const { email, applicationId } = await createBookableApplicant(16)
  await signInWithCode(page, email, { locale: 'ru' })
  const base = `/ru/applications/${applicationId}/appointment`
  await page.goto(`${base}/choose`)
  await expect(page.locator('h1')).toHaveText(ru.chooseTitle)

  const days = page.locator('.day-picker a')
  expect(await days.count()).toBeGreaterThan(1)
  for (const count of await page.locator('.day-picker__count').allTextContents())
    expect(count).toMatch(new RegExp(`^${placesStart}\\s*[1-9]\\d*$`))
  await expect(days.first()).toHaveAttribute('aria-current', 'date')

  // One day of times, and "Continue" right under them, not ten screens below.
  await expect(page.locator('fieldset.slot-day')).toHaveCount(1)
  expect(await page.locator('input[name="slotId"]').count()).toBeLessThanOrEqual(40)
  const lastTime = (await page.locator('.slot-times label').last().boundingBox())!
  const button = (await page.getByRole('button', { name: ru.holdButton }).boundingBox())!
  expect(button.y - (lastTime.y + lastTime.height)).toBeLessThan(120)
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(3000)

  // Another day: its times replace the first day's, and the address says which day.
  const second = days.nth(1)
  const secondDay = (await second.getAttribute('href'))!.match(/day=(\d{4}-\d{2}-\d{2})/)![1]!
  const secondLabel = (await second.locator('.day-picker__day').textContent())!
  await second.click()
  await expect(page).toHaveURL(new RegExp(`day=${secondDay}`))
  await expect(second).toHaveAttribute('aria-current', 'date')
  await expect(page.locator('fieldset.slot-day legend')).toContainText(secondLabel)

  await page.locator('input[name="slotId"]').first().check()
  await page.getByRole('button', { name: ru.holdButton }).click()
  await expect(page.locator('h1')).toHaveText(ru.held.title)
  await page.getByRole('button', { name: ru.held.confirm }).click()
  await expect(page.locator('.notice')).toHaveText(ru.done.booked)
  expect(await bookedDay(applicationId)).toBe(secondDay)
})

test('without JavaScript each day is a link, and a time on it can be held', async ({
  page,
  browser,
}) => {
  const { email, applicationId } = await createBookableApplicant(16)
  await signInWithCode(page, email, { locale: 'ru' })
  await expect(page).not.toHaveURL(/sign-in/)
  const plain = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 360, height: 780 },
    storageState: await page.context().storageState(),
  })
  const noScript = await plain.newPage()
  const base = `/ru/applications/${applicationId}/appointment`
  await noScript.goto(`${base}/choose`)
  const third = noScript.locator('.day-picker a').nth(2)
  const label = (await third.locator('.day-picker__day').textContent())!
  await third.click()
  await expect(noScript).toHaveURL(/[?&]day=\d{4}-\d{2}-\d{2}/)
  await expect(noScript.locator('fieldset.slot-day legend')).toContainText(label)
  await noScript.locator('input[name="slotId"]').first().check()
  await noScript.getByRole('button', { name: ru.holdButton }).click()
  await expect(noScript.locator('h1')).toHaveText(ru.held.title)
  await plain.close()
})
