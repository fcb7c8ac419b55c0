import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import type { AppointmentView } from './appointment-view'
import { appointmentCalendarFile } from './calendar-file'

// The file is read back with ical.js, a parser written independently of ical-generator. Parsers
// accept over-long lines, so the 75-octet limit of RFC 5545 §3.1 is checked on the bytes.

const appointment: AppointmentView = {
  id: '6f0c8f43-5d0e-4a56-9a43-2f4a36a1c001',
  applicationId: '0b8a3c1e-7d2f-4e61-8f3a-5c9d2e1b7a40',
  status: 'confirmed',
  startsAt: '2026-12-01T06:30:00.000Z',
  endsAt: '2026-12-01T06:45:00.000Z',
  holdExpiresAt: null,
  officeName: 'Bursa İl Göç İdaresi Müdürlüğü Osmangazi Yabancılar Şube Müdürlüğü',
  officeAddress: 'Alaşarbey Mahallesi, Çekirge Caddesi No: 14, 16070 Osmangazi/Bursa',
  rescheduleCount: 0,
}
const reference = 'E7KQ2M9XP'
const organizer = { name: 'Bursa İl Göç İdaresi Müdürlüğü', email: 'directorate-16@example.org' }
const now = new Date('2026-11-20T10:00:00Z')

function build(locale: Locale, cancelled: boolean): string {
  return appointmentCalendarFile({ appointment, reference, locale, organizer, cancelled }, now)
}

describe.each(['ru', 'ar', 'tr'] as const)('the calendar file in %s', (locale) => {
  const t = getT(locale, 'appointments')

  it.each([
    ['a booking', false, 'PUBLISH', 'CONFIRMED'],
    ['a cancellation', true, 'CANCEL', 'CANCELLED'],
  ] as const)(
    '%s: lines of at most 75 octets, METHOD and ORGANIZER',
    (_, cancelled, method, status) => {
      const text = build(locale, cancelled)
      expect(text.endsWith('\r\n')).toBe(true)
      const lines = text.slice(0, -2).split('\r\n')
      expect(lines.every((line) => !line.includes('\n') && !line.includes('\r'))).toBe(true)
      const tooLong = lines.filter((line) => Buffer.byteLength(line, 'utf8') > 75)
      expect(tooLong).toEqual([])
      // The content is long enough that folding really happened.
      expect(lines.some((line) => line.startsWith(' '))).toBe(true)
      // Folding never splits a character: every line is valid UTF-8 on its own.
      for (const line of lines) expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line)

      const calendar = new ICAL.Component(ICAL.parse(text) as unknown[])
      expect(calendar.getFirstPropertyValue('method')).toBe(method)
      expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy()
      const events = calendar.getAllSubcomponents('vevent')
      expect(events).toHaveLength(1)
      const event = events[0]!
      const organizerProperty = event.getFirstProperty('organizer')!
      expect(organizerProperty.getFirstValue()).toBe('mailto:directorate-16@example.org')
      expect(organizerProperty.getParameter('cn')).toBe(organizer.name)
      expect(event.getFirstPropertyValue('status')).toBe(status)
      expect(event.getFirstPropertyValue('uid')).toBe(
        `${appointment.applicationId}@ikamet.goc.example`,
      )
      expect(event.getFirstPropertyValue('sequence')).toBe(Math.floor(now.getTime() / 1000))
      expect(event.getFirstPropertyValue('summary')).toBe(t('calendar.title', { reference }))
      expect(event.getFirstPropertyValue('description')).toBe(
        t('calendar.description', { reference }),
      )
      expect(event.getFirstPropertyValue('location')).toBe(
        `${appointment.officeName}, ${appointment.officeAddress}`,
      )
      const parsed = new ICAL.Event(event)
      expect(parsed.startDate.toJSDate().toISOString()).toBe(appointment.startsAt)
      expect(parsed.endDate.toJSDate().toISOString()).toBe(appointment.endsAt)
      expect(parsed.startDate.zone?.tzid).toBe('UTC')
    },
  )
})
