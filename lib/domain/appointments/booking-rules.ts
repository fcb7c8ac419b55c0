// Limits on holding, moving and cancelling appointments. They are data (rule_settings key
// 'booking') because directorates tune them; these defaults follow the brief and security.md
// §6: holds of at most 10 minutes, two moves, nothing in the last 24 hours, and a
// restriction after two missed or cancelled appointments in six months (YİMER FAQ).
import type { AppointmentStatus, CancellingParty } from './appointment-status'

export type BookingRules = {
  holdMinutes: number
  maxReschedules: number
  noChangesWithinHours: number
  quarantineMinutes: number
  strikesBeforeRestriction: number
  strikeWindowDays: number
  horizonDays: number
  holdsPerDay: number
  halfDayClosesAt: string
}

export const DEFAULT_BOOKING_RULES: BookingRules = {
  holdMinutes: 10,
  maxReschedules: 2,
  noChangesWithinHours: 24,
  quarantineMinutes: 5,
  strikesBeforeRestriction: 2,
  strikeWindowDays: 183,
  horizonDays: 60,
  holdsPerDay: 10,
  halfDayClosesAt: '12:30',
}

const LIMITS: Record<Exclude<keyof BookingRules, 'halfDayClosesAt'>, [number, number]> = {
  holdMinutes: [1, 10],
  maxReschedules: [0, 10],
  noChangesWithinHours: [0, 168],
  quarantineMinutes: [0, 60],
  strikesBeforeRestriction: [1, 10],
  strikeWindowDays: [1, 731],
  horizonDays: [1, 180],
  holdsPerDay: [1, 1000],
}

/** Stored settings over the defaults; a value out of its range keeps the default. */
export function readBookingRules(stored: unknown): BookingRules {
  const rules = { ...DEFAULT_BOOKING_RULES }
  if (!stored || typeof stored !== 'object') return rules
  const source = stored as Record<string, unknown>
  for (const [key, [min, max]] of Object.entries(LIMITS)) {
    const value = source[key]
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)
      (rules as Record<string, unknown>)[key] = value
  }
  const closes = source.halfDayClosesAt
  if (typeof closes === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(closes))
    rules.halfDayClosesAt = closes
  return rules
}

export function holdExpiresAt(now: Date, rules: BookingRules): Date {
  return new Date(now.getTime() + rules.holdMinutes * 60_000)
}

export function quarantineEndsAt(now: Date, rules: BookingRules): Date {
  return new Date(now.getTime() + rules.quarantineMinutes * 60_000)
}

export type ChangeRefusal = 'appointment_passed' | 'too_close_to_change' | 'too_many_reschedules'

/** Whether the applicant may still move an appointment themselves. */
export function checkReschedule(input: {
  startsAt: Date
  now: Date
  rescheduleCount: number
  rules: BookingRules
}): { ok: true } | { ok: false; reason: ChangeRefusal } {
  const refusal = lateChangeRefusal(input.startsAt, input.now, input.rules)
  if (refusal) return { ok: false, reason: refusal }
  if (input.rescheduleCount >= input.rules.maxReschedules)
    return { ok: false, reason: 'too_many_reschedules' }
  return { ok: true }
}

/**
 * Cancelling is always allowed before the time, so nobody is stuck with a visit they cannot
 * make; inside the no-change window it counts as a late cancellation.
 */
export function checkCancellation(input: {
  startsAt: Date
  now: Date
  rules: BookingRules
}): { ok: true; late: boolean } | { ok: false; reason: 'appointment_passed' } {
  if (input.startsAt.getTime() <= input.now.getTime())
    return { ok: false, reason: 'appointment_passed' }
  return { ok: true, late: lateChangeRefusal(input.startsAt, input.now, input.rules) !== null }
}

function lateChangeRefusal(startsAt: Date, now: Date, rules: BookingRules): ChangeRefusal | null {
  const msLeft = startsAt.getTime() - now.getTime()
  if (msLeft <= 0) return 'appointment_passed'
  if (msLeft < rules.noChangesWithinHours * 3_600_000) return 'too_close_to_change'
  return null
}

/**
 * What counts towards the booking restriction. e-İkamet counts missed AND cancelled
 * appointments, however early the cancellation (features.md, e-İkamet no-show row, source
 * [T4] YİMER FAQ: "2 misses/cancels in 6 months"). A time the directorate cancelled (a
 * closure) is not the applicant's doing, and a move (rescheduled) is not a cancellation.
 * The SQL in lib/server/appointments/booking-guard.ts (strikeSql) follows this rule.
 */
export function countsAsStrike(ended: {
  status: AppointmentStatus
  cancelledBy: CancellingParty | null
}): boolean {
  if (ended.status === 'no_show') return true
  return ended.status === 'cancelled' && ended.cancelledBy === 'applicant'
}

/**
 * Two strikes (see countsAsStrike) within the window stop self-service booking: the
 * applicant then books through the directorate. `strikes` are the times they happened.
 */
export function isBookingRestricted(input: {
  strikes: readonly Date[]
  now: Date
  rules: BookingRules
}): boolean {
  const since = input.now.getTime() - input.rules.strikeWindowDays * 86_400_000
  const recent = input.strikes.filter((s) => s.getTime() > since).length
  return recent >= input.rules.strikesBeforeRestriction
}
