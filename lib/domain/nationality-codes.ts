import countries from 'i18n-iso-countries'

// The codes without the names: a form that checks a nationality in the browser needs only
// these, not the country names in five languages (nationalities.ts).

/**
 * ISO 3166-1 alpha-2 codes, as the package ships them: 249 assigned codes plus XK (Kosovo, a
 * user-assigned code that Türkiye and the EU use). Territories without a population of their own
 * (AQ, BV, HM…) stay in so the list matches the standard rather than our judgement.
 */
export const NATIONALITY_CODES: readonly string[] = Object.freeze(
  Object.keys(countries.getAlpha2Codes()).sort(),
)

const CODE_SET: ReadonlySet<string> = new Set(NATIONALITY_CODES)

/** Exact upper-case alpha-2 only: what is stored. Normalise user input before calling. */
export function isNationalityCode(value: unknown): value is string {
  return typeof value === 'string' && CODE_SET.has(value)
}

export function isTurkishNationality(code: string): boolean {
  return code === 'TR'
}
