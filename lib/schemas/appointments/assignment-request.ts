import { z } from 'zod'
import {
  ASSIGNABLE_WEEKDAYS,
  normaliseWeekdays,
  PARTS_OF_DAY,
  type ConstraintProblem,
} from '@/lib/domain/appointments/assignment'
import { isIsoDate } from '@/lib/domain/permits/dates'
import { numericInput } from '../fields'

// What an applicant at a directorate that assigns dates asks for: the earliest day, the
// weekdays and the part of the day they can come. The same schema reads the form (checkbox
// values are strings) and JSON (numbers). Whether the date lies between tomorrow and the
// booking horizon depends on today and on the directorate's rules, so the server checks that
// (lib/domain/appointments/assignment.ts checkConstraints) and answers with the same keys.

const E = 'assignment:errors.'
export const assignmentErrorKey = (problem: ConstraintProblem | string) => `${E}${problem}`

const weekday = z.preprocess(
  (v) => (typeof v === 'string' && /^\d$/.test(v.trim()) ? Number(v) : v),
  z
    .int({ error: `${E}weekdays_invalid` })
    .min(ASSIGNABLE_WEEKDAYS[0], { error: `${E}weekdays_invalid` })
    .max(ASSIGNABLE_WEEKDAYS.at(-1)!, { error: `${E}weekdays_invalid` }),
)

export const assignmentRequestSchema = z.strictObject({
  earliestDate: numericInput(
    z
      .string({ error: `${E}earliest_date_required` })
      .min(1, { error: `${E}earliest_date_required` })
      .refine(isIsoDate, { error: `${E}earliest_date_invalid` }),
  ),
  weekdays: z
    .array(weekday, { error: `${E}weekdays_required` })
    .min(1, { error: `${E}weekdays_required` })
    // Room for a repeated box, not for a flood.
    .max(10, { error: `${E}weekdays_invalid` })
    .transform(normaliseWeekdays),
  partOfDay: z.enum(PARTS_OF_DAY, { error: `${E}part_of_day_invalid` }),
})
export type AssignmentRequestInput = z.infer<typeof assignmentRequestSchema>

export const ASSIGNMENT_STATUSES = ['waiting', 'assigned', 'cancelled'] as const

/** The request as the page and the API show it. */
export const assignmentRequestViewSchema = z.strictObject({
  applicationId: z.uuid(),
  status: z.enum(ASSIGNMENT_STATUSES),
  earliestDate: z.iso.date(),
  weekdays: z.array(z.int().min(1).max(5)),
  partOfDay: z.enum(PARTS_OF_DAY),
  appointmentId: z.uuid().nullable(),
  requestedAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
})
export type AssignmentRequestView = z.infer<typeof assignmentRequestViewSchema>

/**
 * Every message the assigned page can show, as `assignment:errors.<code>`: the page translates
 * them on the server, because the 'assignment' namespace does not reach the browser.
 */
export const ASSIGNMENT_ERRORS = [
  'earliest_date_required',
  'earliest_date_invalid',
  'earliest_date_too_soon',
  'earliest_date_too_late',
  'weekdays_required',
  'weekdays_invalid',
  'part_of_day_invalid',
  'not_assigned_directorate',
  'no_waiting_request',
] as const
export type AssignmentError = (typeof ASSIGNMENT_ERRORS)[number]
