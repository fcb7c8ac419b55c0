import { addDays, daysBetween, type IsoDate } from '../permits/dates'
import { fromIstanbulWallTime, toIstanbulWallTime } from './istanbul-time'

// What makes a release window sensible: applicants need time to state their preferences, and
// the draw must be over before the first of its slots begins.

export const RELEASE_WINDOW_LIMITS = {
  /** Shortest time the window stays open, so people who check once a day still see it. */
  minOpenHours: 1,
  /** Longest time people wait for the result. */
  maxOpenDays: 14,
  /** At most this many calendar days of slots in one draw. */
  maxSlotDays: 31,
}

export type ReleaseWindowRefusal =
  | 'closes_before_opens'
  | 'closes_in_past'
  | 'window_too_short'
  | 'window_too_long'
  | 'days_reversed'
  | 'too_many_days'
  | 'draw_after_slots'

/** Checks a window before it is stored; the slot days are İstanbul calendar days, inclusive. */
export function checkReleaseWindow(input: {
  slotsFrom: IsoDate
  slotsUntil: IsoDate
  opensAt: Date
  closesAt: Date
  now: Date
}): { ok: true } | { ok: false; reason: ReleaseWindowRefusal } {
  const { slotsFrom, slotsUntil, opensAt, closesAt, now } = input
  const hour = 3_600_000
  const refuse = (reason: ReleaseWindowRefusal) => ({ ok: false as const, reason })
  if (closesAt.getTime() <= opensAt.getTime()) return refuse('closes_before_opens')
  if (closesAt.getTime() <= now.getTime()) return refuse('closes_in_past')
  const open = closesAt.getTime() - opensAt.getTime()
  if (open < RELEASE_WINDOW_LIMITS.minOpenHours * hour) return refuse('window_too_short')
  if (open > RELEASE_WINDOW_LIMITS.maxOpenDays * 24 * hour) return refuse('window_too_long')
  const days = daysBetween(slotsFrom, slotsUntil)
  if (days < 0) return refuse('days_reversed')
  if (days + 1 > RELEASE_WINDOW_LIMITS.maxSlotDays) return refuse('too_many_days')
  if (closesAt.getTime() > fromIstanbulWallTime(slotsFrom, '00:00').getTime())
    return refuse('draw_after_slots')
  return { ok: true }
}

/** The instants between which the slots of the window start: [from 00:00, day after until). */
export function slotDaysRange(slotsFrom: IsoDate, slotsUntil: IsoDate): { from: Date; to: Date } {
  return {
    from: fromIstanbulWallTime(slotsFrom, '00:00'),
    to: fromIstanbulWallTime(addDays(slotsUntil, 1), '00:00'),
  }
}

/**
 * What the admin's form suggests, as İstanbul wall-clock text for date and datetime-local
 * fields: open now, close in three days at 17:00, slots of the five days from a week ahead.
 */
export function suggestedReleaseWindow(now: Date): {
  slotsFrom: IsoDate
  slotsUntil: IsoDate
  opensAt: string
  closesAt: string
} {
  const wall = toIstanbulWallTime(now)
  return {
    slotsFrom: addDays(wall.date, 7),
    slotsUntil: addDays(wall.date, 11),
    opensAt: `${wall.date}T${wall.time}`,
    closesAt: `${addDays(wall.date, 3)}T17:00`,
  }
}
