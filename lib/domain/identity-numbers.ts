// Checksums for the 11-digit Turkish identity numbers: the citizen's T.C. Kimlik No (TCKN) and the
// foreigner's Yabancı Kimlik No (YKN, starts with 99). Rules: shared/reference/domain.md §6.
import { normaliseNumericInput } from './digits'

/** What an identity-number field should hold before it is checked: ASCII digits, no spaces. */
export function normaliseIdentityInput(value: string): string {
  return normaliseNumericInput(value)
}

/** The two check digits for a 9-digit payload (digits d1…d9). */
function checkDigits(d: readonly number[]): [number, number] {
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!
  const even = d[1]! + d[3]! + d[5]! + d[7]!
  // JavaScript's % keeps the sign of the dividend: 7·odd − even can be negative (19090909018).
  const d10 = (((7 * odd - even) % 10) + 10) % 10
  const d11 = (d.slice(0, 9).reduce((sum, v) => sum + v, 0) + d10) % 10
  return [d10, d11]
}

function hasValidCheckDigits(value: string): boolean {
  const d = [...value].map(Number)
  const [d10, d11] = checkDigits(d)
  return d[9] === d10 && d[10] === d11
}

/**
 * T.C. Kimlik No: exactly 11 ASCII digits, the first not 0, and both check digits right.
 * Expects normalised input (see `normaliseIdentityInput`); anything else is invalid.
 * A 99-number with good check digits passes too: the two share one format.
 */
export function isValidTurkishIdentityNumber(value: string): boolean {
  return /^[1-9][0-9]{10}$/.test(value) && hasValidCheckDigits(value)
}

export type ForeignerIdentityNumberCheck = 'valid' | 'invalid_format' | 'checksum_mismatch'

/**
 * Yabancı Kimlik No: 11 ASCII digits starting with 99. No official source confirms that it uses
 * the TCKN check digits (domain.md §6 caveat), so whether a mismatch rejects the number is the
 * caller's setting; with `enforceChecksum: false` only the format is checked.
 */
export function checkForeignerIdentityNumber(
  value: string,
  options: { enforceChecksum: boolean },
): ForeignerIdentityNumberCheck {
  if (!/^99[0-9]{9}$/.test(value)) return 'invalid_format'
  if (options.enforceChecksum && !hasValidCheckDigits(value)) return 'checksum_mismatch'
  return 'valid'
}
