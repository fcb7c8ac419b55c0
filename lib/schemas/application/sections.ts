import { z } from 'zod'
import { SHORT_TERM_PURPOSE_CODES } from '@/lib/domain/permits/permit-types'
import {
  isoDate,
  monthsField,
  nationality,
  optionalText,
  passportNumber,
  personName,
  phoneNumber,
  requiredText,
} from '../fields'

// One strict schema per task of the application. The same object checks the form in the
// browser and the saved data on the server; unknown fields are refused.

export const personalDetailsSchema = z.strictObject({
  givenNames: personName,
  surname: personName,
  dateOfBirth: isoDate,
  nationality,
  fatherName: personName,
  motherName: personName,
  phone: phoneNumber,
})

export const passportSchema = z.strictObject({
  passportNumber,
  passportValidUntil: isoDate,
  entryDate: isoDate,
})

export const permitDetailsSchema = z.strictObject({
  purpose: z.enum(SHORT_TERM_PURPOSE_CODES, { error: 'validation:purpose.required' }).optional(),
  requestedMonths: monthsField(60),
})

export const addressSchema = z.strictObject({
  provinceCode: z
    .string({ error: 'validation:required' })
    .regex(/^\d{1,2}$/, { error: 'validation:province.invalid' })
    .transform(Number)
    .refine((n) => n >= 1 && n <= 81, { error: 'validation:province.invalid' }),
  district: requiredText(60),
  neighbourhood: requiredText(80),
  street: requiredText(160),
  postcode: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, { error: 'validation:postcode.invalid' })
    .optional()
    .transform((v) => (v ? v : undefined)),
})

export const INSURANCE_TYPES = ['sgk', 'private', 'bilateral', 'not_required'] as const

export const insuranceSchema = z
  .strictObject({
    insuranceType: z.enum(INSURANCE_TYPES, { error: 'validation:insurance.type' }),
    provider: optionalText(100),
    policyNumber: optionalText(60),
    validUntil: isoDate.optional().or(z.literal('').transform(() => undefined)),
  })
  .superRefine((value, ctx) => {
    if (value.insuranceType !== 'private') return
    if (!value.provider)
      ctx.addIssue({ code: 'custom', path: ['provider'], message: 'validation:required' })
    if (!value.policyNumber)
      ctx.addIssue({ code: 'custom', path: ['policyNumber'], message: 'validation:required' })
    if (!value.validUntil)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'validation:date.required' })
  })

export const SECTION_SCHEMAS = {
  personal: personalDetailsSchema,
  passport: passportSchema,
  permit: permitDetailsSchema,
  address: addressSchema,
  insurance: insuranceSchema,
} as const

export type SectionKey = keyof typeof SECTION_SCHEMAS
export const SECTION_KEYS = Object.keys(SECTION_SCHEMAS) as SectionKey[]
export const DATE_FIELDS: Record<SectionKey, readonly string[]> = {
  personal: ['dateOfBirth'],
  passport: ['passportValidUntil', 'entryDate'],
  permit: [],
  address: [],
  insurance: ['validUntil'],
}

export function isSectionKey(value: string): value is SectionKey {
  return (SECTION_KEYS as string[]).includes(value)
}
