import { randomUUID } from 'node:crypto'
import { expect, test, type APIRequestContext } from '@playwright/test'
import ruAppointments from '../locales/ru/appointments.json' with { type: 'json' }
import ruMail from '../locales/ru/mail.json' with { type: 'json' }
import { appointmentMails, createBookableApplicant } from './support/bookable'
import { signInWithCode } from './support/sign-in'

// The browser (or an integration) asks in English; the applicant chose Russian.
const english = { 'accept-language': 'en' }

type FreeDays = { days: { slots: { id: string }[] }[] }

async function bookLastFreeTime(request: APIRequestContext, applicationId: string) {
  const base = `/api/v1/applications/${applicationId}/appointment`
  const free = (await (await request.get(`${base}/slots`, { headers: english })).json()) as FreeDays
  // The last time offered is days ahead, so nothing about the 24-hour rules gets in the way.
  const slotId = free.days.flatMap((day) => day.slots).at(-1)!.id
  for (const [step, data] of [
    ['hold', { slotId }],
    ['confirm', {}],
  ] as const) {
    const response = await request.post(`${base}/${step}`, {
      headers: { ...english, 'idempotency-key': randomUUID() },
      data,
    })
    expect(response.ok(), step).toBe(true)
  }
}

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '')

test('the calendar file is in the applicant’s language, with its lines within 75 octets', async ({
  page,
}) => {
  const { email, applicationId } = await createBookableApplicant(16, 'ru')
  await signInWithCode(page, email, { locale: 'ru' })
  await bookLastFreeTime(page.request, applicationId)
  const [booked] = await appointmentMails(email)
  const reference = `E${applicationId.slice(0, 8).toUpperCase()}`
  expect(booked!.subject).toBe(
    ruMail.appointment.booked.subject.replace('{{reference}}', reference),
  )

  const response = await page.request.get(
    `/api/v1/applications/${applicationId}/appointment/calendar`,
    { headers: english },
  )
  expect(response.headers()['content-type']).toContain('text/calendar')
  const ics = await response.text()
  const title = ruAppointments.calendar.title.replace('{{reference}}', reference)
  for (const file of [ics, booked!.attachments[0]!.content]) {
    expect(unfold(file)).toContain(`\r\nSUMMARY:${title}\r\n`)
    expect(unfold(file)).toMatch(/\r\nORGANIZER;CN=[^\r\n]+:mailto:directorate-16@example\.org\r\n/)
    expect(file).toContain('\r\nMETHOD:PUBLISH\r\n')
    const lines = file.split('\r\n')
    expect(lines.filter((line) => new TextEncoder().encode(line).length > 75)).toEqual([])
  }
})
