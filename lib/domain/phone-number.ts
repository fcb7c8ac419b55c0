import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { toLatinDigits } from './digits'

// The `max` metadata checks the digits against each country's number plan; the default `min`
// only checks the length, and would pass 0599 123 45 67, which no Turkish operator issues.

export type NormalisedPhoneNumber = {
  /** +905321234567: what is stored, compared and sent to the SMS gateway. */
  e164: string
  /** ISO 3166-1 alpha-2 of the number plan; undefined for non-geographic numbers. */
  country: string | undefined
}

/**
 * Parses what an applicant typed. A number without +country or 00country is read in
 * `defaultCountry`'s national format (0532 123 45 67 in Türkiye). Returns null when the number
 * is not one the country's plan could have issued.
 */
export function normalisePhoneNumber(
  value: string,
  defaultCountry: string = 'TR',
): NormalisedPhoneNumber | null {
  const country = isSupportedCountry(defaultCountry) ? defaultCountry : undefined
  const parsed = parsePhoneNumberFromString(toLatinDigits(value), { defaultCountry: country })
  if (!parsed?.isValid()) return null
  // E.164 has no room for an extension; dropping it silently would store a different number.
  if (parsed.ext) return null
  return { e164: parsed.number, country: parsed.country }
}
