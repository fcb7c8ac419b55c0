// Calendar dates as ISO 'YYYY-MM-DD' strings. Permit rules speak in whole days ("60 days
// before expiry", "within 10 days"), so the arithmetic is on day numbers with no time of day
// and no time zone: the caller decides what "today" is (Europe/Istanbul) and passes it in.
// The conversion is integer arithmetic (H. Hinnant's civil-from-days) rather than `Date`, so
// no host time zone or DST rule can shift a day.

export type IsoDate = string
export type CalendarDate = { year: number; month: number; day: number }

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MIN_YEAR = 1
const MAX_YEAR = 9999

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function parseParts(value: string): CalendarDate | null {
  const match = ISO_DATE.exec(value)
  if (!match) return null
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (year < MIN_YEAR || month < 1 || month > 12) return null
  if (day < 1 || day > daysInMonth(year, month)) return null
  return { year, month, day }
}

/** True for a real calendar date written exactly as 'YYYY-MM-DD' (no time, no zone). */
export function isIsoDate(value: string): boolean {
  return parseParts(value) !== null
}

/** Throws RangeError: a malformed date here is a programming error, forms validate earlier. */
export function parseIsoDate(value: string): CalendarDate {
  const parts = parseParts(value)
  if (!parts) throw new RangeError(`not an ISO calendar date: ${JSON.stringify(value)}`)
  return parts
}

export function formatIsoDate({ year, month, day }: CalendarDate): IsoDate {
  if (year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`year out of range: ${year}`)
  const pad = (n: number, width: number) => String(n).padStart(width, '0')
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
}

/** Days since 1970-01-01 (negative before it). */
export function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date)
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

export function fromEpochDay(epochDay: number): IsoDate {
  assertInteger(epochDay, 'epoch day')
  const z = epochDay + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  )
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return formatIsoDate({ year, month, day })
}

export function addDays(date: IsoDate, days: number): IsoDate {
  assertInteger(days, 'days')
  return fromEpochDay(toEpochDay(date) + days)
}

/**
 * Same day number `months` later (or earlier); when that month is shorter the result is its
 * last day, so 2026-01-31 + 1 month is 2026-02-28 and never spills into March.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  assertInteger(months, 'months')
  const { year, month, day } = parseIsoDate(date)
  const index = year * 12 + (month - 1) + months
  const newYear = Math.floor(index / 12)
  const newMonth = index - newYear * 12 + 1
  const newDay = Math.min(day, daysInMonth(newYear, newMonth))
  return formatIsoDate({ year: newYear, month: newMonth, day: newDay })
}

/** Whole days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from)
}

export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  // Validated dates of a fixed width sort as strings, but both are parsed so garbage throws.
  parseIsoDate(a)
  parseIsoDate(b)
  return a < b ? -1 : a > b ? 1 : 0
}

export function minIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) <= 0 ? a : b
}

export function maxIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) >= 0 ? a : b
}

function assertInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer: ${value}`)
}
