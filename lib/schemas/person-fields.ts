import { z } from 'zod'
import { isNationalityCode } from '@/lib/domain/nationality-codes'
import { normalisePassportNumber } from '@/lib/domain/passport-number'
import { normaliseNumericInput } from '@/lib/domain/digits'
import { requiredText } from './fields'

// Fields about the person: only the forms that ask for them import this module.

export const passportNumber = requiredText(30)
  .transform((v) => normalisePassportNumber(v) ?? '')
  .refine((v) => v.length > 0, { error: 'validation:passport.invalid' })

/**
 * Only the shape of a phone number: a plus, then 7 to 15 digits in any script, with spaces,
 * dots, dashes or brackets between. Whether the country's number plan could have issued it
 * needs libphonenumber's `max` metadata (60 KB in a browser), so the server checks that and
 * stores the E.164 form (`serverFieldErrors` in lib/server/applications/section-checks.ts).
 */
export const phoneNumber = requiredText(30)
  .transform((v) => normaliseNumericInput(v).replace(/[().-]/g, ''))
  .refine((v) => /^\+?\d{7,15}$/.test(v), { error: 'validation:phone.invalid' })

export const nationality = z
  .string({ error: 'validation:required' })
  .refine(isNationalityCode, { error: 'validation:nationality.invalid' })
