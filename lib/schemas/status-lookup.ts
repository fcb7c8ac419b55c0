import { z } from 'zod'
import { APPLICATION_STATUSES } from '@/lib/domain/application-status'
import { toLatinDigits } from '@/lib/domain/digits'
import { normalisePassportNumber } from '@/lib/domain/passport-number'
import { checkReferenceNumber } from '@/lib/domain/reference-number'
import { isoDate, withDateBoxes } from './fields'
import { optionalForeignerIdNumber } from './identity-fields'

// The public status lookup (no sign-in): a reference number, one identity document and the
// date of birth. The same schema serves the page's form and POST /api/v1/status-lookups, so
// both refuse the same input with the same translated field errors, before any database work.

/** Longer than any reference with spaces and marks pasted around it: not a reference. */
const MAX_TYPED = 40

export const referenceNumberInput = z
  .string({ error: 'lookup:errors.reference' })
  .max(MAX_TYPED, { error: 'lookup:errors.reference' })
  .transform((value, ctx) => {
    const checked = checkReferenceNumber(toLatinDigits(value))
    if (checked.ok) return checked.reference
    ctx.addIssue({
      code: 'custom',
      message:
        checked.problem === 'check_character'
          ? 'lookup:errors.referenceCheck'
          : value.trim() === ''
            ? 'lookup:errors.referenceRequired'
            : 'lookup:errors.reference',
    })
    return z.NEVER
  })

// isoDate turns Arabic-Indic and Persian digits into 0–9 itself (lib/schemas/fields).
const dateOfBirth = isoDate
  // Nobody applies before being born; the local date is a day ahead of UTC at most.
  .refine((v) => v <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), {
    error: 'lookup:errors.dateOfBirthFuture',
  })

/** Optional here, because the foreigner identity number may stand in for it. */
const optionalPassportNumber = z
  .string({ error: 'validation:passport.invalid' })
  .max(30, { error: 'validation:tooLong' })
  .optional()
  .transform((value, ctx) => {
    if (!value?.trim()) return undefined
    const normalised = normalisePassportNumber(value)
    if (normalised) return normalised
    ctx.addIssue({ code: 'custom', message: 'validation:passport.invalid' })
    return z.NEVER
  })

export const statusLookupSchema = z
  .strictObject({
    reference: referenceNumberInput,
    passportNumber: optionalPassportNumber,
    foreignerIdNumber: optionalForeignerIdNumber,
    dateOfBirth,
  })
  .superRefine((value, ctx) => {
    const given = [value.passportNumber, value.foreignerIdNumber].filter(Boolean).length
    // One document per try: two would be two guesses for the price of one.
    if (given !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['passportNumber'],
        message: given === 0 ? 'lookup:errors.documentMissing' : 'lookup:errors.documentBoth',
      })
  })
  .transform(({ reference, passportNumber, foreignerIdNumber, dateOfBirth }) => ({
    reference,
    dateOfBirth,
    document: passportNumber
      ? { kind: 'passport' as const, number: passportNumber }
      : { kind: 'foreigner_id' as const, number: foreignerIdNumber ?? '' },
  }))
export type StatusLookupInput = z.output<typeof statusLookupSchema>

/** The page's form: the date comes in three boxes, and any box may hold Arabic or Persian digits. */
export const statusLookupFormSchema = withDateBoxes(['dateOfBirth'], statusLookupSchema)

/** POST /api/v1/status-lookups answers 200 with this; unknown and mismatch are both 404. */
export const statusLookupAnswerSchema = z.strictObject({
  reference: z.string().describe('The reference number, written as XXXX-XXXX-XX'),
  status: z.enum(APPLICATION_STATUSES),
  nextStep: z
    .enum(['applicant', 'directorate', 'post', 'nobody'])
    .describe('Who acts now: the applicant, the directorate, the post (PTT), or nobody'),
})
