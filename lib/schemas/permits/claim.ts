import { z } from 'zod'
import { normaliseNumericInput } from '@/lib/domain/digits'
import { checkForeignerIdentityNumber } from '@/lib/domain/identity-numbers'
import { collapseDateParts, isoDate } from '../fields'
import { identityNumberInput } from '../identity-fields'

// Claiming a permit issued before the account existed: the three things printed on or known
// about the card. Digits from Arabic and Persian keyboards are accepted and normalised, and a
// number that cannot be a foreigner number is refused here, before any database work.

const FOREIGNER_ID_ERRORS = {
  invalid_format: 'validation:foreignerId.invalid',
  checksum_mismatch: 'validation:foreignerId.checksum',
} as const

export const claimForeignerIdNumber = identityNumberInput.superRefine((value, ctx) => {
  const check = checkForeignerIdentityNumber(value, { enforceChecksum: true })
  if (check !== 'valid') ctx.addIssue({ code: 'custom', message: FOREIGNER_ID_ERRORS[check] })
})

/** The serial printed on the card, as casework records it: capitals and digits, 6 to 20. */
export const cardSerial = z
  .string({ error: 'validation:required' })
  .max(40, { error: 'validation:tooLong' })
  // Spaces and hyphens are dropped, as casework drops them when it records the serial.
  .transform((v) => normaliseNumericInput(v).replace(/-/g, '').toLocaleUpperCase('en'))
  .refine((v) => v.length > 0, { error: 'validation:required' })
  .refine((v) => /^[A-Z0-9]{6,20}$/.test(v), { error: 'permits:claim.errors.serial' })

export const permitClaimSchema = z.strictObject({
  foreignerIdNumber: claimForeignerIdNumber,
  cardSerial,
  birthDate: isoDate,
})
export type PermitClaim = z.infer<typeof permitClaimSchema>

/** The same claim from the web form, whose date of birth comes as three boxes. */
export const permitClaimFormSchema = z.preprocess(
  (raw) =>
    typeof raw === 'object' && raw !== null
      ? collapseDateParts(raw as Record<string, string>, ['birthDate'])
      : raw,
  permitClaimSchema,
)
