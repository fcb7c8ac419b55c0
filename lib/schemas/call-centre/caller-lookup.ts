import { z } from 'zod'
import { APPLICATION_STATUSES } from '@/lib/domain/application-status'
import { normaliseNumericInput, stripSpacesAndMarks, toLatinDigits } from '@/lib/domain/digits'
import { LOCALES } from '@/lib/domain/locales'
import { checkReferenceNumber } from '@/lib/domain/reference-number'
import { isoDate, withDateBoxes } from '../fields'

// A call-centre agent checks who is calling before reading out where an application stands:
// the reference number, the date of birth and the last four characters of the passport
// number, and says why they look. One schema serves the console's form and
// POST /api/v1/staff/status-lookups.

/** Why the agent looks: a fixed list, so the audit trail can be counted. */
export const LOOKUP_REASONS = [
  'status_question',
  'appointment_question',
  'document_question',
  'complaint',
  'other',
] as const
export type LookupReason = (typeof LOOKUP_REASONS)[number]

/** A reference number as people type it, checked and normalised. */
export const referenceField = z
  .string({ error: 'callcentre:errors.reference' })
  .max(40, { error: 'callcentre:errors.reference' })
  .transform((value, ctx) => {
    const checked = checkReferenceNumber(toLatinDigits(value))
    if (checked.ok) return checked.reference
    ctx.addIssue({ code: 'custom', message: 'callcentre:errors.reference' })
    return z.NEVER
  })

const passportLastFour = z
  .string({ error: 'callcentre:errors.passportLastFour' })
  .max(12, { error: 'callcentre:errors.passportLastFour' })
  .transform((value, ctx) => {
    // Stored passport numbers are upper case A–Z and 0–9 (lib/domain/passport-number.ts).
    const typed = normaliseNumericInput(stripSpacesAndMarks(value)).replace(/[İı]/g, 'I')
    if (/^[A-Za-z0-9]{4}$/.test(typed)) return typed.toUpperCase()
    ctx.addIssue({ code: 'custom', message: 'callcentre:errors.passportLastFour' })
    return z.NEVER
  })

export const lookupReasonField = z.enum(LOOKUP_REASONS, { error: 'callcentre:errors.reason' })

export const callerLookupSchema = z.strictObject({
  reference: referenceField,
  dateOfBirth: isoDate,
  passportLastFour,
  reason: lookupReasonField,
  /** The caller's language, for the status words the agent reads out. */
  speak: z.enum(LOCALES, { error: 'callcentre:errors.speak' }).optional(),
})
export type CallerLookupInput = z.output<typeof callerLookupSchema>

/** The console's form: the date comes in three boxes, in any digits. */
export const callerLookupFormSchema = withDateBoxes(['dateOfBirth'], callerLookupSchema)

const when = z.string().describe('ISO 8601 date-time')

/** What an agent may see: no document, address, photo, full name or full birth date. */
export const callerViewSchema = z.strictObject({
  reference: z.string(),
  givenNameInitial: z.string().describe('The first letter of the given names, to greet the caller'),
  status: z.enum(APPLICATION_STATUSES),
  nextStep: z.enum(['applicant', 'directorate', 'post', 'nobody']),
  decisionDueOn: z.string().nullable().describe('The day the decision is due (YYYY-MM-DD)'),
  documentsDueAt: when.nullable().describe('When the open request for documents is due'),
  appointment: z
    .strictObject({ startsAt: when, officeName: z.string() })
    .nullable()
    .describe('The confirmed appointment, if any'),
  spoken: z
    .strictObject({
      locale: z.enum(LOCALES),
      status: z.string(),
      step: z.string(),
      whoActs: z.string().describe('Who acts now, as a sentence'),
      dates: z
        .array(z.string())
        .describe('The due dates and the appointment, as sentences with dates in that language'),
    })
    .describe('The status, the next step and the dates in the caller’s language, to read out'),
})
export type CallerView = z.output<typeof callerViewSchema>
