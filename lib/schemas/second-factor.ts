import { z } from 'zod'
import { readSecondFactorInput, TOTP_DIGITS } from '@/lib/domain/second-factor/second-factor'
import { numericInput } from './fields'

// The staff second factor (SECURITY.md SF-01..05).

/** Setting up: a code from the app, to show it was added. */
export const totpEnrolmentSchema = z.strictObject({
  code: numericInput(
    z
      .string({ error: 'validation:required' })
      .regex(new RegExp(`^\\d{${TOTP_DIGITS}}$`), { error: 'auth:secondFactor.totpFormat' }),
  ),
})

/** Signing in: a code from the app, or one of the recovery codes, in the same box. */
export const secondFactorSchema = z.strictObject({
  code: z
    .string({ error: 'validation:required' })
    .max(100, { error: 'auth:secondFactor.codeFormat' })
    .transform((value, ctx) => {
      const read = readSecondFactorInput(value)
      if (!read) ctx.addIssue({ code: 'custom', message: 'auth:secondFactor.codeFormat' })
      return read ?? z.NEVER
    }),
})
