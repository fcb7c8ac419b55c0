import { z } from 'zod'
import { SHORT_TERM_PURPOSE_CODES } from '@/lib/domain/permits/permit-types'
import {
  isoDate,
  monthsField,
  nationality,
  numericInput,
  optionalText,
  passportNumber,
  personName,
  phoneNumber,
  requiredText,
} from '../fields'
import { optionalForeignerIdNumber } from '../identity-fields'
import { sponsorSchema } from './sponsor'

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
  // Optional: only people who have held a permit have one. The server checks the check digits
  // as well when the `foreigner_id_checksum` setting is on.
  foreignerIdNumber: optionalForeignerIdNumber,
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
  postcode: numericInput(
    z
      .string()
      .regex(/^(\d{5})?$/, { error: 'validation:postcode.invalid' })
      .optional()
      .transform((v) => (v ? v : undefined)),
  ),
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
  sponsor: sponsorSchema,
  address: addressSchema,
  insurance: insuranceSchema,
} as const

export type SectionKey = keyof typeof SECTION_SCHEMAS
/** Every task there is; which of them an application has depends on its permit type. */
export const SECTION_KEYS = Object.keys(SECTION_SCHEMAS) as SectionKey[]

// Tasks only some permit types have: a family permit needs its sponsor (art. 34–35).
const ONLY_FOR: Partial<Record<SectionKey, readonly string[]>> = { sponsor: ['family'] }

/** The tasks of an application of this permit type, in the order the task list shows them. */
export function sectionsFor(permitTypeCode: string): SectionKey[] {
  return SECTION_KEYS.filter((key) => ONLY_FOR[key]?.includes(permitTypeCode) ?? true)
}

export function hasSection(permitTypeCode: string, section: SectionKey): boolean {
  return sectionsFor(permitTypeCode).includes(section)
}

export const DATE_FIELDS: Record<SectionKey, readonly string[]> = {
  personal: ['dateOfBirth'],
  passport: ['passportValidUntil', 'entryDate'],
  permit: [],
  sponsor: ['sponsorPermitValidUntil'],
  address: [],
  insurance: ['validUntil'],
}

export function isSectionKey(value: string): value is SectionKey {
  return (SECTION_KEYS as string[]).includes(value)
}
