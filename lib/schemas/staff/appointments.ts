import { z } from 'zod'
import { LOCALES } from '@/lib/domain/locales'
import { isIsoDate } from '@/lib/domain/permits/dates'

// The forms of the staff day view. Messages are i18n keys, shown in the page's error summary.

const dayField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'staff:appointments.errors.date_invalid' })
  .refine(isIsoDate, { error: 'staff:appointments.errors.date_invalid' })
  // Far enough for any archive look-up, near enough to stay a sensible calendar day.
  .refine((v) => v >= '2000-01-01' && v <= '2100-12-31', {
    error: 'staff:appointments.errors.date_invalid',
  })

/** `?date=YYYY-MM-DD&office=…` of the day view; an empty field is no choice. */
export const dayViewQuerySchema = z.object({
  date: z.preprocess((v) => (v === '' ? undefined : v), dayField.optional()),
  office: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.uuid({ error: 'staff:appointments.errors.office_invalid' }).optional(),
  ),
})
export type DayViewQuery = z.infer<typeof dayViewQuerySchema>

/** Where an action sends the officer back to: the same day and office. */
export const dayViewContextSchema = z.strictObject({
  locale: z.enum(LOCALES),
  date: dayField,
  office: z.uuid().optional(),
})

const appointmentId = z.uuid({ error: 'staff:appointments.errors.not_found' })
const version = z
  .string({ error: 'staff:appointments.errors.stale_version' })
  .regex(/^\d{1,9}$/, { error: 'staff:appointments.errors.stale_version' })
  .transform(Number)

/** Check-in at the counter: the number on the document shown, the counter, the version seen. */
export const checkInFormSchema = z.strictObject({
  appointmentId,
  identityNumber: z
    .string({ error: 'staff:appointments.errors.identity_required' })
    .trim()
    .min(1, { error: 'staff:appointments.errors.identity_required' })
    // Room for spaces, dashes and direction marks around a 20-character passport number.
    .max(40, { error: 'staff:appointments.errors.identity_mismatch' }),
  counterId: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.uuid({ error: 'staff:appointments.errors.counter_not_found' }).optional(),
  ),
  version,
})
export type CheckInForm = z.infer<typeof checkInFormSchema>

/** The person did not come: only the appointment and the version seen. */
export const noShowFormSchema = z.strictObject({ appointmentId, version })
export type NoShowForm = z.infer<typeof noShowFormSchema>

/** Every message the day view can show after a form, as `staff:appointments.errors.<code>`. */
export const DAY_VIEW_ERRORS = [
  'identity_required',
  'identity_mismatch',
  'stale_version',
  'not_confirmed',
  'not_today',
  'not_started',
  'counter_not_found',
  'not_awaiting_appointment',
  'busy',
  'not_found',
  'date_invalid',
  'office_invalid',
  'invalid_form',
] as const
export type DayViewError = (typeof DAY_VIEW_ERRORS)[number]

const ERROR_PREFIX = 'staff:appointments.errors.'

/** The code of a form's first problem, for the `?error=` the page translates. */
export function dayViewErrorOf(error: z.ZodError): DayViewError {
  const message = error.issues[0]?.message ?? ''
  const code = message.startsWith(ERROR_PREFIX) ? message.slice(ERROR_PREFIX.length) : ''
  return (DAY_VIEW_ERRORS as readonly string[]).includes(code)
    ? (code as DayViewError)
    : 'invalid_form'
}

export function isDayViewError(value: unknown): value is DayViewError {
  return typeof value === 'string' && (DAY_VIEW_ERRORS as readonly string[]).includes(value)
}

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v)

/**
 * Reads the day view's query. A wrong date is shown as an error over today's list; a wrong
 * office is reported so the page can answer 404, as for another directorate's office.
 */
export function readDayViewQuery(query: Record<string, unknown>): {
  date: string | undefined
  office: string | undefined
  dateInvalid: boolean
  officeInvalid: boolean
} {
  const date = dayViewQuerySchema.shape.date.safeParse(one(query.date))
  const office = dayViewQuerySchema.shape.office.safeParse(one(query.office))
  return {
    date: date.success ? date.data : undefined,
    office: office.success ? office.data : undefined,
    dateInvalid: !date.success,
    officeInvalid: !office.success,
  }
}
