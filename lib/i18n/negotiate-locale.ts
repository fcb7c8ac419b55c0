import { match } from '@formatjs/intl-localematcher'
import Negotiator from 'negotiator'
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '@/lib/domain/locales'

/** The best of our languages for an `Accept-Language` header; Turkish when none fits. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  const languages = new Negotiator({
    headers: { 'accept-language': acceptLanguage ?? '' },
  }).languages()
  try {
    const chosen = match(
      languages.filter((l) => l !== '*'),
      [...LOCALES],
      DEFAULT_LOCALE,
    )
    return isLocale(chosen) ? chosen : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE
  }
}
