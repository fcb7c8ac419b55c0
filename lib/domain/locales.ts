export const LOCALES = ['tr', 'en', 'ar', 'fa', 'ru'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'tr'

const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set(['ar', 'fa'])

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

export function textDirection(locale: Locale): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr'
}

/** Each language's own name, shown in the switcher so a reader finds theirs without reading ours. */
export const LOCALE_NATIVE_NAMES: Record<Locale, string> = {
  tr: 'Türkçe',
  en: 'English',
  ar: 'العربية',
  fa: 'فارسی',
  ru: 'Русский',
}
