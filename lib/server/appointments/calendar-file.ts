import 'server-only'
import { createEvent, type DateArray } from 'ics'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import type { AppointmentView } from './appointment-view'

const utcParts = (iso: string): DateArray => {
  const d = new Date(iso)
  return [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
  ]
}

/**
 * An iCalendar file for the appointment. The UID stays the same for the application, and the
 * sequence grows, so a moved or cancelled appointment updates or removes the earlier entry
 * in the applicant's calendar instead of leaving a stale one.
 */
export function appointmentCalendarFile(
  appointment: AppointmentView,
  reference: string,
  locale: Locale,
  cancelled = false,
): string {
  const t = getT(locale, 'appointments')
  const { error, value } = createEvent({
    uid: `${appointment.applicationId}@ikamet.goc.example`,
    sequence: Math.floor(Date.now() / 1000),
    method: cancelled ? 'CANCEL' : 'PUBLISH',
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    start: utcParts(appointment.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcParts(appointment.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: t('calendar.title', { reference }),
    description: t('calendar.description', { reference }),
    location: `${appointment.officeName}, ${appointment.officeAddress}`,
    productId: 'ikamet-portal',
  })
  if (error || !value) throw new Error('calendar file could not be built')
  return value
}
