import { z } from 'zod'
import { fromIstanbulWallTime } from '@/lib/domain/appointments/istanbul-time'
import { MAX_DRAW_PREFERENCES } from '@/lib/domain/appointments/draw'
import type { ReleaseWindowRefusal } from '@/lib/domain/appointments/release-window'
import { LOCALES } from '@/lib/domain/locales'
import { isIsoDate } from '@/lib/domain/permits/dates'
import type { AppointmentView } from './api/appointments'

// The forms of release draws. Both pages answer by sending the person back with ?error=<code>,
// and translate only codes listed here, so no text from the address is ever shown.

const choice = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z.uuid({ error: 'draws:errors.choice_invalid' }).optional(),
)

/** The applicant's choices: `choice1` … `choice5`, first is most wanted; empty ones skipped. */
export const drawChoicesSchema = z
  .strictObject({
    idempotencyKey: z.uuid({ error: 'draws:errors.key_reused' }),
    choice1: choice,
    choice2: choice,
    choice3: choice,
    choice4: choice,
    choice5: choice,
  })
  .transform(({ idempotencyKey, ...choices }) => ({
    idempotencyKey,
    preferences: Object.values(choices).filter((v): v is string => Boolean(v)),
  }))
  .refine((v) => v.preferences.length > 0, { error: 'draws:errors.choice_required' })
  .refine((v) => new Set(v.preferences).size === v.preferences.length, {
    error: 'draws:errors.choice_twice',
  })
  .refine((v) => v.preferences.length <= MAX_DRAW_PREFERENCES, {
    error: 'draws:errors.choice_invalid',
  })

export const DRAW_CHOICE_FIELDS = ['choice1', 'choice2', 'choice3', 'choice4', 'choice5'] as const

export const drawPageContextSchema = z.strictObject({ locale: z.enum(LOCALES), id: z.uuid() })

/** Every message the applicant's draw page can show, as `draws:errors.<code>`. */
export const DRAW_ERRORS = [
  'choice_required',
  'choice_twice',
  'choice_invalid',
  'not_awaiting_appointment',
  'booking_restricted',
  'already_booked',
  'draw_closed',
  'choice_not_in_draw',
  'key_reused',
  'rate_limited',
  'busy',
] as const
export type DrawError = (typeof DRAW_ERRORS)[number]

const day = z
  .string({ error: 'draws:staff.errors.date_invalid' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'draws:staff.errors.date_invalid' })
  .refine(isIsoDate, { error: 'draws:staff.errors.date_invalid' })
  .refine((v) => v >= '2000-01-01' && v <= '2100-12-31', {
    error: 'draws:staff.errors.date_invalid',
  })

// <input type="datetime-local"> sends YYYY-MM-DDTHH:MM (some browsers add :SS); it is read
// as a clock time in İstanbul, whatever the officer's computer is set to.
const wallTime = z
  .string({ error: 'draws:staff.errors.time_invalid' })
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, {
    error: 'draws:staff.errors.time_invalid',
  })
  .refine((v) => isIsoDate(v.slice(0, 10)), { error: 'draws:staff.errors.time_invalid' })
  .refine((v) => v >= '2000-01-01' && v <= '2100-12-31', {
    error: 'draws:staff.errors.time_invalid',
  })
  .transform((v) => fromIstanbulWallTime(v.slice(0, 10), v.slice(11, 16)))

/** The directorate admin's form that holds a block of slots back for a draw. */
export const releaseWindowFormSchema = z.strictObject({
  idempotencyKey: z.uuid({ error: 'draws:staff.errors.key_reused' }),
  officeId: z.uuid({ error: 'draws:staff.errors.office_required' }),
  slotsFrom: day,
  slotsUntil: day,
  opensAt: wallTime,
  closesAt: wallTime,
})
export type ReleaseWindowForm = z.infer<typeof releaseWindowFormSchema>

/** Every message of the staff draws page, as `draws:staff.errors.<code>`. */
export const RELEASE_WINDOW_ERRORS = [
  'office_required',
  'date_invalid',
  'time_invalid',
  'closes_before_opens',
  'closes_in_past',
  'window_too_short',
  'window_too_long',
  'days_reversed',
  'too_many_days',
  'draw_after_slots',
  'no_free_slots',
  'key_reused',
  'busy',
  'invalid_form',
] as const
export type ReleaseWindowError = (typeof RELEASE_WINDOW_ERRORS)[number]
// Every refusal of the window rules has a message (checked by the compiler).
const everyRefusalHasAMessage: ReleaseWindowRefusal extends ReleaseWindowError ? true : never = true
void everyRefusalHasAMessage

/** The field each message is about, for the error summary's link (the form's own ids). */
export const RELEASE_WINDOW_ERROR_FIELD: Partial<Record<ReleaseWindowError, string>> = {
  office_required: 'draw-officeId',
  date_invalid: 'draw-slotsFrom',
  days_reversed: 'draw-slotsUntil',
  too_many_days: 'draw-slotsUntil',
  time_invalid: 'draw-opensAt',
  closes_before_opens: 'draw-closesAt',
  closes_in_past: 'draw-closesAt',
  window_too_short: 'draw-closesAt',
  window_too_long: 'draw-closesAt',
  draw_after_slots: 'draw-closesAt',
  no_free_slots: 'draw-slotsFrom',
}

/** The code of a form's first problem, for the `?error=` the page translates. */
export function errorCodeOf<C extends string>(
  error: z.ZodError,
  prefix: string,
  codes: readonly C[],
  fallback: C,
): C {
  const message = error.issues[0]?.message ?? ''
  const code = message.startsWith(prefix) ? message.slice(prefix.length) : ''
  return (codes as readonly string[]).includes(code) ? (code as C) : fallback
}

export function isCode<C extends string>(codes: readonly C[], value: unknown): value is C {
  return typeof value === 'string' && (codes as readonly string[]).includes(value)
}

// What the draw pages show; built by lib/server/appointments/release-draws.ts and
// release-windows.ts. Times are ISO instants; `date` and `time` are İstanbul wall-clock.

export type DrawSlot = { id: string; startsAt: string; date: string; time: string }

export type OpenDraw = {
  windowId: string
  officeName: string
  officeAddress: string
  closesAt: string
  slots: DrawSlot[]
}

export type MyDrawEntry = {
  windowId: string
  officeName: string
  closesAt: string
  drawnAt: string | null
  seed: string | null
  /** The chosen times, most wanted first. */
  preferences: DrawSlot[]
  /** The appointment the draw gave, once drawn; null when it gave none. */
  appointment: AppointmentView | null
}

export type StaffReleaseWindow = {
  id: string
  officeName: string
  opensAt: string
  closesAt: string
  drawnAt: string | null
  seed: string | null
  slots: number
  entries: number
  allocated: number
}

export type DrawOffice = { id: string; name: string }

const FORM_VALUE: Record<keyof Omit<ReleaseWindowForm, 'idempotencyKey'>, RegExp> = {
  officeId: /^[0-9a-f-]{36}$/i,
  slotsFrom: /^\d{4}-\d{2}-\d{2}$/,
  slotsUntil: /^\d{4}-\d{2}-\d{2}$/,
  opensAt: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/,
  closesAt: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/,
}

/**
 * The values a refused staff form sent, carried back in the address so the officer need not
 * type them again; only well-formed ones are kept.
 */
export function releaseWindowValuesFrom(
  source: Record<string, unknown>,
): Partial<Record<keyof typeof FORM_VALUE, string>> {
  const out: Partial<Record<keyof typeof FORM_VALUE, string>> = {}
  for (const [name, pattern] of Object.entries(FORM_VALUE) as [keyof typeof FORM_VALUE, RegExp][]) {
    const value = source[name]
    if (typeof value === 'string' && pattern.test(value)) out[name] = value
  }
  return out
}
