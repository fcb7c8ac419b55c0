import { z } from 'zod'
import { SHORT_TERM_PURPOSE_CODES } from '@/lib/domain/permits/permit-types'
import { STUDY_LEVELS } from '@/lib/domain/permits/student'
import {
  isoDate,
  monthsField,
  numericInput,
  optionalText,
  personName,
  requiredText,
} from '../fields'
import { nationality, passportNumber, phoneNumber } from '../person-fields'
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

const optionalDate = isoDate.optional().or(z.literal('').transform(() => undefined))
const yesNo = (error: string) => z.enum(['yes', 'no'], { error })

// The permit task asks what the permit type needs (issue 12): a purpose and a period for a
// short-term permit, the programme for a student, no period at all for the indefinite
// long-term permit (Law 6458 art. 42) but what its conditions need (art. 43, Reg. art. 40).
const shortTermPermitSchema = z.strictObject({
  purpose: z.enum(SHORT_TERM_PURPOSE_CODES, { error: 'validation:purpose.required' }),
  requestedMonths: monthsField(60),
  // Purpose (i), recent graduates: within six months of graduating (art. 31(1)(i)).
  graduatedOn: optionalDate,
})
const periodOnlySchema = z.strictObject({ requestedMonths: monthsField(60) })
const studentPermitSchema = z.strictObject({
  studyLevel: z.enum(STUDY_LEVELS, { error: 'validation:studyLevel.required' }),
  programmeEndsOn: isoDate,
  requestedMonths: monthsField(96),
})
const longTermPermitSchema = z.strictObject({
  socialAssistance: yesNo('validation:longTerm.socialAssistance'),
  sufficientIncome: yesNo('validation:longTerm.sufficientIncome'),
  excludedStatus: yesNo('validation:longTerm.excludedStatus'),
})

const PERMIT_SCHEMA_BY_TYPE: Record<string, z.ZodObject> = {
  short_term: shortTermPermitSchema,
  student: studentPermitSchema,
  long_term: longTermPermitSchema,
}

/** Every field any permit type asks, each optional: the API's envelope and its documentation. */
export const permitDetailsSchema = z
  .strictObject({
    ...shortTermPermitSchema.partial().shape,
    ...studentPermitSchema.partial().shape,
    ...longTermPermitSchema.partial().shape,
  })
  .meta({
    description:
      'Depends on the permit type. short_term: purpose, requestedMonths, graduatedOn (purpose recent_graduate). family: requestedMonths. student: studyLevel, programmeEndsOn, requestedMonths. long_term: no period (indefinite); socialAssistance, sufficientIncome, excludedStatus (yes/no).',
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

/** The schema of one task for an application of this permit type. */
export function sectionSchemaFor(section: SectionKey, permitTypeCode: string): z.ZodObject {
  if (section !== 'permit') return SECTION_SCHEMAS[section]
  return PERMIT_SCHEMA_BY_TYPE[permitTypeCode] ?? periodOnlySchema
}

/** The fields of a task this permit type asks, for the form. */
export function sectionFieldNames(section: SectionKey, permitTypeCode: string): string[] {
  return Object.keys(sectionSchemaFor(section, permitTypeCode).shape)
}
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
  permit: ['graduatedOn', 'programmeEndsOn'],
  sponsor: ['sponsorPermitValidUntil', 'sponsorPermitHeldSince'],
  address: [],
  insurance: ['validUntil'],
}

export function isSectionKey(value: string): value is SectionKey {
  return (SECTION_KEYS as string[]).includes(value)
}
