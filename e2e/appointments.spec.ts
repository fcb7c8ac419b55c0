import { expect, test } from '@playwright/test'
import ru from '../locales/ru/appointments.json' with { type: 'json' }
import ruMail from '../locales/ru/mail.json' with { type: 'json' }
import { appointmentMails, createBookableApplicant } from './support/bookable'
import { signInWithCode } from './support/sign-in'

const subjectStart = (template: string) => template.split('{{')[0]!.trim()

test('an applicant books, reschedules and cancels an appointment, in Russian', async ({ page }) => {
  const { email, applicationId } = await createBookableApplicant(16)
  await signInWithCode(page, email, { locale: 'ru' })
  const base = `/ru/applications/${applicationId}/appointment`
  await page.goto(base)
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
  await page.getByRole('link', { name: ru.book }).click()
  await expect(page.locator('h1')).toHaveText(ru.chooseTitle)

  // Days further ahead, so that the appointment may still be changed (not within 24 hours).
  await page.getByRole('link', { name: ru.laterDays }).click()
  // Wait for the later days to replace the list, or the choice lands on the old page.
  await expect(page).toHaveURL(/[?&]from=/)
  await page.locator('input[name="slotId"]').first().check()
  await page.getByRole('button', { name: ru.holdButton }).click()
  await expect(page.locator('h1')).toHaveText(ru.held.title)
  await page.getByRole('button', { name: ru.held.confirm }).click()
  await expect(page.locator('.notice')).toHaveText(ru.done.booked)
  const firstTime = await page.locator('.summary dd').nth(1).textContent()

  const [booked] = await appointmentMails(email)
  expect(booked!.template).toBe('appointment-booked')
  expect(booked!.subject).toContain(subjectStart(ruMail.appointment.booked.subject))
  expect(booked!.attachments[0]!.content).toContain('BEGIN:VCALENDAR')
  const calendar = await page.request.get(
    `/api/v1/applications/${applicationId}/appointment/calendar`,
  )
  expect(calendar.headers()['content-type']).toContain('text/calendar')
  expect(await calendar.text()).toContain('BEGIN:VEVENT')

  await page.getByRole('link', { name: ru.actions.change }).click()
  await expect(page.locator('h1')).toHaveText(ru.changeTitle)
  await page.getByRole('link', { name: ru.laterDays }).click()
  await expect(page).toHaveURL(/[?&]from=.*change=1|change=1.*[?&]from=/)
  // The times come one day at a time: another day from the day picker.
  await page.locator('.day-picker a').nth(1).click()
  await expect(page).toHaveURL(/change=1.*[?&]day=\d{4}-\d{2}-\d{2}/)
  await expect(page.locator('.day-picker a').nth(1)).toHaveAttribute('aria-current', 'date')
  await page.locator('input[name="slotId"]').first().check()
  await page.getByRole('button', { name: ru.holdButton }).click()
  await expect(page.locator('.notice')).toHaveText(ru.done.rescheduled)
  await expect(page.locator('.summary dd').nth(1)).not.toHaveText(firstTime!)

  await page.getByRole('link', { name: ru.actions.cancel }).click()
  await expect(page.locator('h1')).toHaveText(ru.cancel.title)
  await page.getByRole('button', { name: ru.cancel.confirm }).click()
  await expect(page.locator('.notice')).toHaveText(ru.done.cancelled)
  await expect(page.getByRole('link', { name: ru.book })).toBeVisible()
  expect((await appointmentMails(email)).map((m) => m.template)).toEqual([
    'appointment-booked',
    'appointment-rescheduled',
    'appointment-cancelled',
  ])
})

test('a time the directorate does not offer is refused clearly and books nothing', async ({
  page,
}) => {
  const { email, applicationId } = await createBookableApplicant(16)
  await signInWithCode(page, email, { locale: 'en' })
  const response = await page.request.post(
    `/api/v1/applications/${applicationId}/appointment/hold`,
    {
      headers: { 'idempotency-key': crypto.randomUUID(), 'accept-language': 'ru' },
      data: { slotId: crypto.randomUUID() },
    },
  )
  expect(response.status()).toBe(422)
  expect((await response.json()).error).toMatchObject({
    code: 'slot_not_offered',
    message: ru.errors.slot_not_offered,
  })
  expect(await appointmentMails(email)).toEqual([])
})
