import { z } from 'zod'
import {
  checkForeignerIdentityNumber,
  isValidTurkishIdentityNumber,
  normaliseIdentityInput,
} from '@/lib/domain/identity-numbers'

// Field rules for the 11-digit identity numbers. Only the format is checked here: whether a
// foreigner number's check digits must be right is a setting the server reads (domain.md §6
// caveat), so the server checks the checksum on top when that setting is on.

/** Room for spaces and direction marks pasted around 11 digits; longer is not a number. */
const MAX_TYPED = 40

/** Digits as typed on any keyboard, as ASCII digits without spaces. */
export const identityNumberInput = z
  .string({ error: 'validation:required' })
  .max(MAX_TYPED, { error: 'validation:tooLong' })
  .transform(normaliseIdentityInput)
  .refine((v) => v.length > 0, { error: 'validation:required' })

export function isForeignerIdFormat(value: string): boolean {
  return checkForeignerIdentityNumber(value, { enforceChecksum: false }) === 'valid'
}

/**
 * A citizen's T.C. Kimlik No. Numbers starting with 99 are foreigners' numbers even when
 * their check digits fit, so they are refused with their own message.
 */
export function turkishIdentityNumberProblem(value: string): string | null {
  if (value.startsWith('99')) return 'validation:identityNumber.foreignerNumber'
  return isValidTurkishIdentityNumber(value) ? null : 'validation:identityNumber.invalid'
}

/** An optional foreigner identity number (YKN): empty is no answer, anything else must fit. */
export const optionalForeignerIdNumber = z
  .string()
  .max(MAX_TYPED, { error: 'validation:tooLong' })
  .optional()
  // Only spaces or marks typed is no answer either.
  .transform((v) => (v ? normaliseIdentityInput(v) : '') || undefined)
  .refine((v) => v === undefined || isForeignerIdFormat(v), {
    error: 'validation:foreignerId.invalid',
  })
