import { OFFICE_TIME_ZONE } from '@/lib/domain/appointments/istanbul-time'
import type { Locale } from '@/lib/domain/locales'

/**
 * "Tuesday, 1 December 2026, 09:30 (Türkiye time)"-style text in the reader's language. Always
 * in İstanbul time: the appointment is at an office in Türkiye, wherever the reader is.
 */
export function formatAppointmentTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: OFFICE_TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso))
}

export function formatAppointmentDay(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(`${isoDate}T00:00:00Z`))
}
