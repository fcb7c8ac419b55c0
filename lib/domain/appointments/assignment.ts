// Assigned mode (İstanbul, Ankara): the applicant says when they can come and the directorate
// gives the date. These are the rules for what they may ask for, which slot fits the answer,
// and who is served first. The server filters slots in SQL with the same rules for speed and
// checks every candidate with `slotFits` before it takes a place.
import { addDays, isIsoDate, type IsoDate } from '../permits/dates'
import { isoWeekday, toIstanbulWallTime } from './istanbul-time'
import { compareUrgency } from './urgency'

/** Offices receive on working days only: 1 = Monday … 5 = Friday. */
export const ASSIGNABLE_WEEKDAYS = [1, 2, 3, 4, 5] as const
export const PARTS_OF_DAY = ['any', 'morning', 'afternoon'] as const
export type PartOfDay = (typeof PARTS_OF_DAY)[number]

/** A slot that starts before this İstanbul clock time is a morning one. */
export const MORNING_ENDS_AT = '12:00'

export type AssignmentConstraints = {
  earliestDate: IsoDate
  weekdays: number[]
  partOfDay: PartOfDay
}

export type ConstraintProblem =
  | 'earliest_date_invalid'
  | 'earliest_date_too_soon'
  | 'earliest_date_too_late'
  | 'weekdays_required'
  | 'weekdays_invalid'
  | 'part_of_day_invalid'

/**
 * The days the earliest date may be: from tomorrow (nobody can be told today for today) up to
 * the booking horizon, the last day slots are planned for.
 */
export function earliestDateWindow(
  today: IsoDate,
  horizonDays: number,
): { from: IsoDate; to: IsoDate } {
  return { from: addDays(today, 1), to: addDays(today, Math.max(1, horizonDays)) }
}

export function isPartOfDay(value: unknown): value is PartOfDay {
  return typeof value === 'string' && (PARTS_OF_DAY as readonly string[]).includes(value)
}

/** Each weekday once, in order: the form may send one twice, the database stores a set. */
export function normaliseWeekdays(weekdays: readonly number[]): number[] {
  return [...new Set(weekdays)].sort((a, b) => a - b)
}

/** The first problem with what the applicant asked for, or null when it can be accepted. */
export function checkConstraints(
  constraints: AssignmentConstraints,
  context: { today: IsoDate; horizonDays: number },
): ConstraintProblem | null {
  if (!isIsoDate(constraints.earliestDate)) return 'earliest_date_invalid'
  const window = earliestDateWindow(context.today, context.horizonDays)
  if (constraints.earliestDate < window.from) return 'earliest_date_too_soon'
  if (constraints.earliestDate > window.to) return 'earliest_date_too_late'
  if (constraints.weekdays.length === 0) return 'weekdays_required'
  const allowed: readonly number[] = ASSIGNABLE_WEEKDAYS
  if (!constraints.weekdays.every((d) => Number.isInteger(d) && allowed.includes(d)))
    return 'weekdays_invalid'
  if (!isPartOfDay(constraints.partOfDay)) return 'part_of_day_invalid'
  return null
}

/** Whether a slot starting at this instant suits the applicant, read on an İstanbul clock. */
export function slotFits(constraints: AssignmentConstraints, slotStartsAt: Date): boolean {
  const wall = toIstanbulWallTime(slotStartsAt)
  if (wall.date < constraints.earliestDate) return false
  if (!constraints.weekdays.includes(isoWeekday(wall.date))) return false
  if (constraints.partOfDay === 'morning') return wall.time < MORNING_ENDS_AT
  if (constraints.partOfDay === 'afternoon') return wall.time >= MORNING_ENDS_AT
  return true
}

export type QueuedRequest = {
  applicationId: string
  legalDeadline: IsoDate | null
  requestedAt: Date
}

/**
 * Who is served first: the earliest legal deadline (the day the visa or permit runs out; unknown
 * last), then whoever asked first, then the application id so every run agrees. The same rule
 * as the waitlist's, and the job's SQL orders the same way.
 */
export function compareRequests(a: QueuedRequest, b: QueuedRequest): number {
  return compareUrgency(
    { applicationId: a.applicationId, legalDeadline: a.legalDeadline, joinedAt: a.requestedAt },
    { applicationId: b.applicationId, legalDeadline: b.legalDeadline, joinedAt: b.requestedAt },
  )
}
