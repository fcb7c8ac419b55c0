import type { Locale } from '../locales'
import { CLDR_PROVINCE_NAMES } from './province-names-cldr'

type Option = { value: string; label: string }

/**
 * A province as a reader sees it: the official Turkish name (what signs and addresses show),
 * with the usual name in the reader's script beside it where CLDR has one
 * ("İstanbul (Стамбул)"). Turkish and English readers get the official name only.
 */
export function provinceLabel(code: number, officialName: string, locale: Locale): string {
  const names =
    locale === 'ar' || locale === 'fa' || locale === 'ru' ? CLDR_PROVINCE_NAMES[locale] : null
  const usual = names?.[code - 1]
  return usual && usual !== officialName ? `${officialName} (${usual})` : officialName
}

/** Sorted as the reader's language sorts (Turkish: Ç after C, İ after I, Ş after S). */
export function sortByLabel<T extends Option>(options: readonly T[], locale: Locale): T[] {
  const collator = new Intl.Collator(locale)
  return [...options].sort((a, b) => collator.compare(a.label, b.label))
}

/** The province choices of a form, labelled and sorted for the reader. */
export function provinceOptions(
  rows: readonly { code: number; name: string }[],
  locale: Locale,
): Option[] {
  return sortByLabel(
    rows.map((p) => ({ value: String(p.code), label: provinceLabel(p.code, p.name, locale) })),
    locale,
  )
}
