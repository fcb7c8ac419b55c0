import { OFFICE_TIME_ZONE, toIstanbulWallTime } from '@/lib/domain/appointments/istanbul-time'
import type { Locale } from '@/lib/domain/locales'

// Every date and time the portal shows goes through here, so each locale has one date format.
// Always the Gregorian calendar: the law's dates are Gregorian, and Persian would otherwise
// default to the Solar Hijri calendar (۱۲ آذر ۱۴۰۵). Clock times are İstanbul's: appointments
// are at an office in Türkiye, wherever the reader or the server is.

const DATE = { calendar: 'gregory', day: 'numeric', month: 'long', year: 'numeric' } as const
const TIME = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const

const STYLES = {
  date: { ...DATE, timeZone: 'UTC' },
  weekdayDate: { ...DATE, weekday: 'long', timeZone: 'UTC' },
  time: { ...TIME, calendar: 'gregory', timeZone: OFFICE_TIME_ZONE },
  dateTime: { ...DATE, ...TIME, weekday: 'long', timeZone: OFFICE_TIME_ZONE },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(locale: Locale, style: keyof typeof STYLES): Intl.DateTimeFormat {
  const key = `${locale}:${style}`
  let found = formatters.get(key)
  if (!found) formatters.set(key, (found = new Intl.DateTimeFormat(locale, STYLES[style])))
  return found
}

/** An instant as an ISO string or a Date. */
export type Instant = string | Date

/** The calendar day (YYYY-MM-DD) to show: a full timestamp counts on İstanbul's calendar. */
function calendarDay(value: string): string {
  return value.length > 10 ? toIstanbulWallTime(new Date(value)).date : value
}

const atUtcMidnight = (isoDate: string) => new Date(`${calendarDay(isoDate)}T00:00:00Z`)

/**
 * A calendar date (YYYY-MM-DD) in the reader's language: "2 Aralık 2026", "۲ دسامبر ۲۰۲۶".
 * Given a whole timestamp, the day it was in İstanbul.
 */
export function formatDate(isoDate: string, locale: Locale): string {
  return formatter(locale, 'date').format(atUtcMidnight(isoDate))
}

/** The same date with its weekday, for days to choose from: "Çarşamba, 2 Aralık 2026". */
export function formatDateWithWeekday(isoDate: string, locale: Locale): string {
  return formatter(locale, 'weekdayDate').format(atUtcMidnight(isoDate))
}

/** The clock time in İstanbul, 24-hour: "09:30". */
export function formatTime(instant: Instant, locale: Locale): string {
  return formatter(locale, 'time').format(new Date(instant))
}

/** Weekday, date and İstanbul clock time, for appointments and deadlines to the minute. */
export function formatDateTime(instant: Instant, locale: Locale): string {
  return formatter(locale, 'dateTime').format(new Date(instant))
}
