import { z } from 'zod'
import { isNationalityCode } from '@/lib/domain/nationalities'
import { normalisePassportNumber } from '@/lib/domain/passport-number'
import { normalisePhoneNumber } from '@/lib/domain/phone-number'
import { requiredText } from './fields'

// Fields that carry a country list or phone-number metadata (tens of kilobytes in the
// browser): only the forms that ask for them import this module.

export const passportNumber = requiredText(30)
  .transform((v) => normalisePassportNumber(v) ?? '')
  .refine((v) => v.length > 0, { error: 'validation:passport.invalid' })

export const phoneNumber = requiredText(30)
  .transform((v) => normalisePhoneNumber(v)?.e164 ?? '')
  .refine((v) => v.length > 0, { error: 'validation:phone.invalid' })

export const nationality = z
  .string({ error: 'validation:required' })
  .refine(isNationalityCode, { error: 'validation:nationality.invalid' })
