import { addDays, maxIsoDate, type IsoDate } from '../permits/dates'

// Offices, counters and opening hours, as a directorate admin edits them (issue 13). Slots
// already made are never remade, so an edit counts from the first day without slots.

export const SLOT_MINUTES = [10, 15, 20, 30, 45, 60] as const
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const

/** The first day an edit to the office's counters, hours or slot length changes. */
export function changesApplyFrom(slotsGeneratedUntil: IsoDate | null, today: IsoDate): IsoDate {
  return slotsGeneratedUntil ? maxIsoDate(addDays(slotsGeneratedUntil, 1), today) : today
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

export type DayHours = { opensAt: string; closesAt: string; breakFrom?: string; breakTo?: string }
export type HoursRefusal = 'closes_before_opens' | 'break_outside' | 'too_short'

/**
 * The periods of one day: opening to closing, less an optional break. Each period must hold
 * at least one slot, so a day never opens without a time anyone can book.
 */
export function openingPeriods(
  day: DayHours,
  slotMinutes: number,
): { ok: true; periods: [string, string][] } | { ok: false; reason: HoursRefusal } {
  const open = minutes(day.opensAt)
  const close = minutes(day.closesAt)
  if (close <= open) return { ok: false, reason: 'closes_before_opens' }
  const periods: [string, string][] = []
  if (day.breakFrom && day.breakTo) {
    const from = minutes(day.breakFrom)
    const to = minutes(day.breakTo)
    if (!(open < from && from < to && to < close)) return { ok: false, reason: 'break_outside' }
    periods.push([day.opensAt, day.breakFrom], [day.breakTo, day.closesAt])
  } else periods.push([day.opensAt, day.closesAt])
  const short = periods.some(([a, b]) => minutes(b) - minutes(a) < slotMinutes)
  return short ? { ok: false, reason: 'too_short' } : { ok: true, periods }
}
