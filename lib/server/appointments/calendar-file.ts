import 'server-only'
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import type { AppointmentView } from './appointment-view'

/** Who holds the appointment: RFC 5546 wants an ORGANIZER with PUBLISH and CANCEL. */
export type CalendarOrganizer = { name: string; email: string }

export type CalendarFileInput = {
  appointment: AppointmentView
  reference: string
  // The applicant's own language, not the language of whoever asks for the file.
  locale: Locale
  organizer: CalendarOrganizer
  cancelled?: boolean
}

/**
 * An iCalendar file for the appointment. The UID stays the same for the application, and the
 * sequence grows, so a moved or cancelled appointment updates or removes the earlier entry
 * in the applicant's calendar instead of leaving a stale one. ical-generator folds long lines
 * at 75 octets (RFC 5545 §3.1), which Cyrillic and Arabic text reaches well before 75 letters.
 */
export function appointmentCalendarFile(input: CalendarFileInput, now = new Date()): string {
  const { appointment, reference, locale, organizer, cancelled = false } = input
  const t = getT(locale, 'appointments')
  const calendar = ical({
    prodId: { company: 'ikamet', product: 'portal', language: locale },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  })
  calendar.createEvent({
    id: `${appointment.applicationId}@ikamet.goc.example`,
    sequence: Math.floor(now.getTime() / 1000),
    stamp: now,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    start: new Date(appointment.startsAt),
    end: new Date(appointment.endsAt),
    summary: t('calendar.title', { reference }),
    description: t('calendar.description', { reference }),
    location: `${appointment.officeName}, ${appointment.officeAddress}`,
    organizer,
  })
  // RFC 5545 ends every content line, the last one too, with CRLF; ical-generator leaves it off.
  const text = calendar.toString()
  return text.endsWith('\r\n') ? text : `${text}\r\n`
}
