import countries from 'i18n-iso-countries'
import ar from 'i18n-iso-countries/langs/ar.json'
import en from 'i18n-iso-countries/langs/en.json'
import fa from 'i18n-iso-countries/langs/fa.json'
import ru from 'i18n-iso-countries/langs/ru.json'
import tr from 'i18n-iso-countries/langs/tr.json'
import type { Locale } from './locales'
import { isNationalityCode, NATIONALITY_CODES } from './nationality-codes'

// Registered here, not left to the package: its Node entry loads every language it has, its
// browser entry none, so only explicit registration gives the same five everywhere.
for (const data of [tr, en, ar, fa, ru]) countries.registerLocale(data)

/**
 * The country's name in `locale`. An unknown code comes back as itself, so a page showing an
 * old record still renders; input is checked with `isNationalityCode` where it enters.
 */
export function nationalityName(code: string, locale: Locale): string {
  return (isNationalityCode(code) && countries.getName(code, locale)) || code
}

export type NationalityOption = { readonly code: string; readonly name: string }

const optionsByLocale = new Map<Locale, readonly NationalityOption[]>()

/** Every code with its name, in the locale's alphabetical order (Ç after C in Turkish, not Z). */
export function nationalityOptions(locale: Locale): readonly NationalityOption[] {
  let options = optionsByLocale.get(locale)
  if (!options) {
    const collator = new Intl.Collator(locale)
    options = Object.freeze(
      NATIONALITY_CODES.map((code) => Object.freeze({ code, name: nationalityName(code, locale) }))
        .slice()
        .sort((a, b) => collator.compare(a.name, b.name)),
    )
    optionsByLocale.set(locale, options)
  }
  return options
}
