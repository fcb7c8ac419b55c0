import '../testing/request-scope-mocks'
import { randomUUID } from 'node:crypto'
import { asc, eq } from 'drizzle-orm'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { directorates, outboxMessages, users } from '@/db/schema'
import { getT } from '@/lib/i18n/create-translator'
import ruMail from '@/locales/ru/mail.json'
import { runAsUser } from '../testing/as-user'
import {
  bookingRequest,
  confirmAs,
  createBookableApplications,
  createTestSlots,
  directorateOf,
  holdAs,
  type Bookable,
} from '../testing/booking-fixtures'
import { cancelAppointment } from './change-appointment'
import { myAppointmentCalendar } from './my-appointment'

const PROVINCE = 33
const reference = (p: Bookable) => `T${p.applicationId.slice(0, 8).toUpperCase()}`
const titleIn = (locale: 'ru' | 'en', p: Bookable) =>
  getT(locale, 'appointments')('calendar.title', { reference: reference(p) })

function calendarEvent(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[])
  const event = calendar.getFirstSubcomponent('vevent')!
  return {
    method: calendar.getFirstPropertyValue('method'),
    summary: event.getFirstPropertyValue('summary'),
    organizer: event.getFirstPropertyValue('organizer'),
  }
}

async function bookAsEnglishSpeakingRequest(p: Bookable) {
  const [slotId] = await createTestSlots({ provinceCode: PROVINCE, capacity: 1, startsInHours: 96 })
  expect((await holdAs(p, slotId!, { locale: 'en' })).ok).toBe(true)
  expect((await confirmAs(p, { locale: 'en' })).ok).toBe(true)
}

async function mailsTo(p: Bookable) {
  const db = await getDb()
  return db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.recipient, `booker.${p.userId}@example.org`))
    .orderBy(asc(outboxMessages.createdAt))
}

describe('appointment mail and calendar file', () => {
  it('follow the applicant’s stored language, not the language of the request', async () => {
    const db = await getDb()
    const [p] = await createBookableApplications(1, PROVINCE)
    await db.update(users).set({ preferredLocale: 'ru' }).where(eq(users.id, p!.userId))
    await bookAsEnglishSpeakingRequest(p!)
    const [directorate] = await db
      .select()
      .from(directorates)
      .where(eq(directorates.id, await directorateOf(PROVINCE)))

    const [booked] = await mailsTo(p!)
    expect(booked!.template).toBe('appointment-booked')
    expect(booked!.locale).toBe('ru')
    expect(booked!.subject).toBe(
      ruMail.appointment.booked.subject.replace('{{reference}}', reference(p!)),
    )
    expect(booked!.html).toContain('<html dir="ltr" lang="ru">')
    const attached = calendarEvent(booked!.attachments[0]!.content)
    expect(attached).toEqual({
      method: 'PUBLISH',
      summary: titleIn('ru', p!),
      organizer: `mailto:${directorate!.email}`,
    })

    // The file downloaded from the portal says the same, whatever the browser asks for.
    const downloaded = await runAsUser(p!.userId, () =>
      myAppointmentCalendar(p!.applicationId, 'en'),
    )
    expect(calendarEvent(downloaded!)).toEqual(attached)

    const cancelled = await runAsUser(p!.userId, () =>
      cancelAppointment(bookingRequest(p!, { locale: 'en' })),
    )
    expect(cancelled.ok).toBe(true)
    const last = (await mailsTo(p!)).at(-1)!
    expect(last.template).toBe('appointment-cancelled')
    expect(last.subject).toContain(ruMail.appointment.cancelled.subject.split('{{')[0]!.trim())
    expect(calendarEvent(last.attachments[0]!.content)).toEqual({ ...attached, method: 'CANCEL' })
  })

  it('use the language of the request when the applicant has stored none', async () => {
    const [p] = await createBookableApplications(1, PROVINCE)
    await bookAsEnglishSpeakingRequest(p!)
    const [booked] = await mailsTo(p!)
    expect(booked!.locale).toBe('en')
    expect(calendarEvent(booked!.attachments[0]!.content).summary).toBe(titleIn('en', p!))
    const downloaded = await runAsUser(p!.userId, () =>
      myAppointmentCalendar(p!.applicationId, 'en'),
    )
    expect(calendarEvent(downloaded!).summary).toBe(titleIn('en', p!))
  })

  it('gives nobody else’s calendar file', async () => {
    const [owner, other] = await createBookableApplications(2, PROVINCE)
    await bookAsEnglishSpeakingRequest(owner!)
    await expect(
      runAsUser(other!.userId, () => myAppointmentCalendar(owner!.applicationId, 'en')),
    ).rejects.toThrow()
    await expect(
      runAsUser(other!.userId, () => myAppointmentCalendar(randomUUID(), 'en')),
    ).rejects.toThrow()
  })
})
