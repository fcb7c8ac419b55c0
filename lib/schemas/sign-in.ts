import { z } from 'zod'
import { LOCALES } from '@/lib/domain/locales'
import { SIGN_IN_AUDIENCES, SIGN_IN_CODE_LENGTH } from '@/lib/domain/sign-in-code'
import { numericInput } from './fields'

// A path inside this site: one leading slash, never "//" or "/\" which browsers treat as another host.
const localPath = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s]*$/)

export const emailField = z
  .string({ error: 'validation:required' })
  .trim()
  .min(1, { error: 'validation:required' })
  .max(254, { error: 'validation:email.tooLong' })
  .pipe(z.email({ error: 'validation:email.invalid' }))

export const requestSignInCodeSchema = z.strictObject({
  email: emailField,
  callbackUrl: localPath.optional(),
})
export type RequestSignInCodeInput = z.infer<typeof requestSignInCodeSchema>

export const signInContextSchema = z.strictObject({
  audience: z.enum(SIGN_IN_AUDIENCES),
  locale: z.enum(LOCALES),
})

export const signInCodeSchema = z.strictObject({
  token: numericInput(
    z
      .string({ error: 'validation:required' })
      .regex(new RegExp(`^\\d{${SIGN_IN_CODE_LENGTH}}$`), { error: 'validation:code.format' }),
  ),
})

export const signInBindingSchema = z.strictObject({
  email: z.string().max(254),
  binding: z.string().min(20).max(100),
  audience: z.enum(SIGN_IN_AUDIENCES),
  locale: z.enum(LOCALES),
  callbackUrl: localPath,
})

// The code page submits to Auth.js's callback by GET; these are the fields it carries.
export const signInCodeFormSchema = signInCodeSchema.extend({
  email: z.string().max(254),
  callbackUrl: localPath,
})
