import type { Locale } from '@/lib/domain/locales'

/**
 * A calendar date (YYYY-MM-DD) in the reader's language, always in the Gregorian calendar (the
 * law's dates are Gregorian; Persian would otherwise default to the Solar Hijri calendar).
 */
export function formatDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    calendar: 'gregory',
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`))
}
