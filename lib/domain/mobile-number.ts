import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { normalisePhoneNumber } from './phone-number'

// Where a number plan cannot tell fixed lines from mobiles (the United States, Canada), the
// number may well take a text message, so it counts as mobile.
const TEXTABLE = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE'])

/**
 * The E.164 form of a number that can receive SMS, or null for a landline, a toll-free or
 * premium number, or anything that is not a valid number. `value` is what the application
 * stored, which may be any type.
 */
export function mobileNumberForSms(value: unknown, defaultCountry = 'TR'): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null
  const normalised = normalisePhoneNumber(value, defaultCountry)
  if (!normalised) return null
  const type = parsePhoneNumberFromString(normalised.e164)?.getType()
  return type && TEXTABLE.has(type) ? normalised.e164 : null
}
