import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonths,
  compareIsoDates,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  fromEpochDay,
  isIsoDate,
  isLeapYear,
  maxIsoDate,
  minIsoDate,
  parseIsoDate,
  toEpochDay,
} from './dates'

// Epoch days for 1900-01-01 .. 2200-12-31, the range where `Date.UTC` is a trustworthy oracle.
const epochDay = fc.integer({ min: -25567, max: 84005 })
const isoFromDateUtc = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10)

describe('isIsoDate / parseIsoDate', () => {
  it('accepts real calendar dates', () => {
    for (const d of ['2026-01-01', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31']) {
      expect(isIsoDate(d)).toBe(true)
    }
    expect(parseIsoDate('2026-03-09')).toEqual({ year: 2026, month: 3, day: 9 })
  })

  it('rejects impossible days, other formats and time parts', () => {
    const bad = [
      '2026-02-29',
      '1900-02-29',
      '2100-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-01-32',
      '0000-01-01',
      '2026-1-01',
      '26-01-01',
      '2026/01/01',
      '2026-01-01T00:00:00Z',
      ' 2026-01-01',
      '',
    ]
    for (const d of bad) {
      expect(isIsoDate(d), d).toBe(false)
      expect(() => parseIsoDate(d), d).toThrow(RangeError)
    }
  })
})

describe('leap years and month lengths', () => {
  it('follows the Gregorian rule', () => {
    expect(isLeapYear(2024)).toBe(true)
    expect(isLeapYear(2026)).toBe(false)
    expect(isLeapYear(2000)).toBe(true)
    expect(isLeapYear(1900)).toBe(false)
    expect(isLeapYear(2100)).toBe(false)
  })

  it('knows the month lengths', () => {
    expect(daysInMonth(2026, 2)).toBe(28)
    expect(daysInMonth(2028, 2)).toBe(29)
    expect([1, 3, 5, 7, 8, 10, 12].map((m) => daysInMonth(2026, m))).toEqual(Array(7).fill(31))
    expect([4, 6, 9, 11].map((m) => daysInMonth(2026, m))).toEqual(Array(4).fill(30))
  })
})

describe('epoch days', () => {
  it('anchors at 1970-01-01', () => {
    expect(toEpochDay('1970-01-01')).toBe(0)
    expect(toEpochDay('1969-12-31')).toBe(-1)
    expect(toEpochDay('2000-03-01')).toBe(11017)
    expect(fromEpochDay(0)).toBe('1970-01-01')
  })

  it('agrees with Date.UTC and round-trips', () => {
    fc.assert(
      fc.property(epochDay, (day) => {
        const iso = fromEpochDay(day)
        expect(iso).toBe(isoFromDateUtc(day))
        expect(toEpochDay(iso)).toBe(day)
      }),
      { numRuns: 2000 },
    )
  })

  it('refuses years that do not fit four digits', () => {
    expect(() => fromEpochDay(toEpochDay('9999-12-31') + 1)).toThrow(RangeError)
    expect(() => fromEpochDay(toEpochDay('0001-01-01') - 1)).toThrow(RangeError)
    expect(() => formatIsoDate({ year: 10000, month: 1, day: 1 })).toThrow(RangeError)
  })
})

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01')
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(addDays('2026-05-10', 0)).toBe('2026-05-10')
    expect(addDays('2026-05-10', -60)).toBe('2026-03-11')
  })

  it('refuses fractional or non-finite day counts', () => {
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError)
    expect(() => addDays('2026-01-01', Number.NaN)).toThrow(RangeError)
    expect(() => addDays('2026-01-01', Number.POSITIVE_INFINITY)).toThrow(RangeError)
  })

  it('is the inverse of daysBetween', () => {
    fc.assert(
      fc.property(epochDay, fc.integer({ min: -4000, max: 4000 }), (day, n) => {
        const from = fromEpochDay(day)
        expect(daysBetween(from, addDays(from, n))).toBe(n)
      }),
    )
  })
})

describe('addMonths', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29')
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28')
  })

  it('keeps the day when it exists and rolls the year', () => {
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15')
    expect(addMonths('2026-11-30', 2)).toBe('2027-01-30')
    expect(addMonths('2026-01-10', -1)).toBe('2025-12-10')
    expect(addMonths('2026-05-10', 0)).toBe('2026-05-10')
    expect(addMonths('2026-03-01', 24)).toBe('2028-03-01')
    expect(addMonths('2026-03-01', -96)).toBe('2018-03-01')
  })

  it('does not chain: clamping in one step is not carried to the next', () => {
    expect(addMonths(addMonths('2026-01-31', 1), 1)).toBe('2026-03-28')
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31')
  })

  it('refuses fractional month counts', () => {
    expect(() => addMonths('2026-01-01', 0.5)).toThrow(RangeError)
  })

  it('never moves past the last day of the target month', () => {
    fc.assert(
      fc.property(epochDay, fc.integer({ min: -240, max: 240 }), (day, n) => {
        const from = parseIsoDate(fromEpochDay(day))
        const to = parseIsoDate(addMonths(fromEpochDay(day), n))
        expect((to.year - from.year) * 12 + (to.month - from.month)).toBe(n)
        expect(to.day).toBe(Math.min(from.day, daysInMonth(to.year, to.month)))
      }),
    )
  })
})

describe('daysBetween and comparison', () => {
  it('counts calendar days, signed', () => {
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1)
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1)
    expect(daysBetween('2026-01-01', '2026-01-01')).toBe(0)
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365)
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366)
  })

  it('orders dates and rejects garbage', () => {
    expect(compareIsoDates('2026-01-01', '2026-01-02')).toBe(-1)
    expect(compareIsoDates('2026-01-02', '2026-01-01')).toBe(1)
    expect(compareIsoDates('2026-01-01', '2026-01-01')).toBe(0)
    expect(compareIsoDates('2025-12-31', '2026-01-01')).toBe(-1)
    expect(() => compareIsoDates('2026-02-30', '2026-01-01')).toThrow(RangeError)
    expect(minIsoDate('2026-05-01', '2026-04-30')).toBe('2026-04-30')
    expect(maxIsoDate('2026-05-01', '2026-04-30')).toBe('2026-05-01')
  })
})
