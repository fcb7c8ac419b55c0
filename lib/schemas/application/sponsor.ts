import { z } from 'zod'
import { isIsoDate, type IsoDate } from '@/lib/domain/permits/dates'
import { isoDate, numericInput, personName } from '../fields'
import {
  identityNumberInput,
  isForeignerIdFormat,
  turkishIdentityNumberProblem,
} from '../identity-fields'

// The family residence permit's sponsor (Law 6458 art. 34–35, domain.md §3): who the applicant
// joins in Türkiye and how they are related.

// Art. 34(1): the sponsor's foreign spouse, and the sponsor's or the spouse's children, minor
// or adult and dependent. Parents are not on that list, so they are not offered.
export const SPONSOR_RELATIONSHIPS = [
  'spouse',
  'child',
  'child_of_spouse',
  'dependent_child',
  'dependent_child_of_spouse',
] as const

export const SPONSOR_CITIZENSHIPS = ['turkish_citizen', 'foreigner'] as const

export const sponsorSchema = z
  .strictObject({
    relationship: z.enum(SPONSOR_RELATIONSHIPS, { error: 'validation:sponsor.relationship' }),
    sponsorGivenNames: personName,
    sponsorSurname: personName,
    sponsorCitizenship: z.enum(SPONSOR_CITIZENSHIPS, { error: 'validation:sponsor.citizenship' }),
    sponsorIdentityNumber: identityNumberInput,
    // A citizen holds no permit; a foreigner's permit caps the family permit (art. 35).
    sponsorPermitValidUntil: isoDate.optional().or(z.literal('').transform(() => undefined)),
    // Art. 34(1): a foreign sponsor must have held a permit for a year; since when, unbroken.
    sponsorPermitHeldSince: isoDate.optional().or(z.literal('').transform(() => undefined)),
    // Reg. art. 31(1)(a): a third of the minimum wage per family member, in whole lira.
    sponsorMonthlyIncome: numericInput(
      z
        .string({ error: 'validation:sponsor.income' })
        .regex(/^\d{1,9}$/, { error: 'validation:sponsor.income' })
        .transform(Number),
    ),
    familyMembers: numericInput(
      z
        .string({ error: 'validation:sponsor.familyMembers' })
        .regex(/^\d{1,2}$/, { error: 'validation:sponsor.familyMembers' })
        .transform(Number)
        .refine((n) => n >= 2, { error: 'validation:sponsor.familyMembers' }),
    ),
  })
  .meta({
    description:
      'Only for family permits. sponsorIdentityNumber: the T.C. Kimlik No of a Turkish citizen, or the foreigner identity number (11 digits, starts with 99) of a foreigner. sponsorPermitValidUntil and sponsorPermitHeldSince (first day of the unbroken run of permits): required for a foreigner, ignored for a citizen. sponsorMonthlyIncome: whole Turkish lira a month. familyMembers: people who live on that income, the sponsor and the applicant included.',
  })
  .superRefine((value, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message })
    const number = value.sponsorIdentityNumber
    if (value.sponsorCitizenship === 'turkish_citizen') {
      const problem = turkishIdentityNumberProblem(number)
      if (problem) issue('sponsorIdentityNumber', problem)
      return
    }
    if (!isForeignerIdFormat(number))
      issue('sponsorIdentityNumber', 'validation:foreignerId.invalid')
    if (!value.sponsorPermitValidUntil) issue('sponsorPermitValidUntil', 'validation:date.required')
    if (!value.sponsorPermitHeldSince) issue('sponsorPermitHeldSince', 'validation:date.required')
  })

/**
 * The last day the family permit may run to, from the saved sponsor answers: the end of a
 * foreign sponsor's own permit, or null when there is no such limit (a Turkish citizen, or no
 * usable answer yet).
 */
export function sponsorPermitLimit(formData: Record<string, unknown>): IsoDate | null {
  const sponsor = formData.sponsor as Record<string, unknown> | undefined
  if (!sponsor || sponsor.sponsorCitizenship !== 'foreigner') return null
  const date = sponsor.sponsorPermitValidUntil
  return typeof date === 'string' && isIsoDate(date) ? date : null
}
