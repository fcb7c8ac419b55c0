// Ages and dates that cannot lie ahead (issue 12, item 15). A birth date gives the age the
// rules use: a spouse must be 18 (Law 6458 art. 34(1); Reg. art. 30), a child on a family
// permit a minor unless dependent (art. 34(1)), and the brief's insurance notes treat under-18s
// and over-65s apart (§9). "Today" is the calendar day in Türkiye, passed in by the caller.
import { addMonths, compareIsoDates, type IsoDate } from './dates'

/** Turkish Civil Code art. 11: majority at 18. */
export const ADULT_AGE = 18
export const SENIOR_AGE = 65

/**
 * Completed years on `today`. Someone born on 29 February has a birthday on 28 February in
 * other years (the same day number, clamped to the month, as in `addMonths`).
 */
export function ageOn(birthDate: IsoDate, today: IsoDate): number {
  if (compareIsoDates(birthDate, today) > 0) {
    throw new RangeError(`born after today: ${birthDate} > ${today}`)
  }
  const [by, bm] = birthDate.split('-').map(Number) as [number, number]
  const [ty, tm] = today.split('-').map(Number) as [number, number]
  let years = ty - by - (tm < bm ? 1 : 0)
  // The same month: the clamped anniversary decides.
  while (years > 0 && compareIsoDates(addMonths(birthDate, 12 * years), today) > 0) years--
  while (compareIsoDates(addMonths(birthDate, 12 * (years + 1)), today) <= 0) years++
  return years
}

export const isMinorOn = (birthDate: IsoDate, today: IsoDate) => ageOn(birthDate, today) < ADULT_AGE
export const isSeniorOn = (birthDate: IsoDate, today: IsoDate) =>
  ageOn(birthDate, today) >= SENIOR_AGE

/** A birth or entry date is a fact of the past: today itself is allowed, tomorrow is not. */
export function isInFuture(date: IsoDate, today: IsoDate): boolean {
  return compareIsoDates(date, today) > 0
}
