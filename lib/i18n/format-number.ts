import type { FormatterModule } from 'i18next'
import { isLocale, type Locale } from '@/lib/domain/locales'

// Every number the portal shows goes through here, so a page in Persian writes ۱۲ wherever it
// writes a date with ۱۲, and each language groups thousands its own way.

/** A number in the reader's language: "1.234" in Turkish, "۱٬۲۳۴" in Persian. */
export function formatNumber(
  value: number,
  locale: Locale,
  options: Intl.NumberFormatOptions = {},
): string {
  return new Intl.NumberFormat(locale, options).format(value)
}

/** An amount in Turkish lira, stored in kuruş: "₺1.250,00" in Turkish. */
export function formatMoney(kurus: number, locale: Locale): string {
  return formatNumber(kurus / 100, locale, { style: 'currency', currency: 'TRY' })
}

/**
 * Formats the numbers put into translated sentences ({{count}}, {{hours}}, {{year}}) with
 * `formatNumber`. No thousands separator: these are counts and years ("2026", not "2.026").
 */
export const numberFormatter: FormatterModule = {
  type: 'formatter',
  init: () => {},
  add: () => {},
  addCached: () => {},
  format: (value, _format, lng) =>
    typeof value === 'number' && lng && isLocale(lng)
      ? formatNumber(value, lng, { useGrouping: false })
      : value,
}
