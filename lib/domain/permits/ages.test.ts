import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ageOn, isInFuture, isMinorOn, isSeniorOn } from './ages'
import { addDays, addMonths, fromEpochDay, toEpochDay } from './dates'

const day = fc
  .integer({ min: toEpochDay('1920-01-01'), max: toEpochDay('2090-12-31') })
  .map(fromEpochDay)

describe('ageOn (item 15; Civil Code art. 11, Law 6458 art. 34)', () => {
  it('counts completed years, the birthday itself included', () => {
    expect(ageOn('2008-03-01', '2026-02-28')).toBe(17)
    expect(ageOn('2008-03-01', '2026-03-01')).toBe(18)
    expect(ageOn('2026-03-01', '2026-03-01')).toBe(0)
  })

  it('gives someone born on 29 February their birthday on 28 February', () => {
    expect(ageOn('2008-02-29', '2026-02-27')).toBe(17)
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(18)
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19)
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20)
  })

  it('refuses a birth date after today', () => {
    expect(() => ageOn('2026-03-02', '2026-03-01')).toThrow(RangeError)
  })

  it('is n exactly from the n-th anniversary to the day before the next (property)', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 100 }), (birth, n) => {
        const anniversary = addMonths(birth, 12 * n)
        const next = addMonths(birth, 12 * (n + 1))
        expect(ageOn(birth, anniversary)).toBe(n)
        expect(ageOn(birth, addDays(next, -1))).toBe(n)
        expect(ageOn(birth, next)).toBe(n + 1)
      }),
    )
  })

  it('never decreases as time goes on (property)', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: 0, max: 800 }),
        (b, a, d) => {
          const t1 = addDays(b, a)
          expect(ageOn(b, addDays(t1, d))).toBeGreaterThanOrEqual(ageOn(b, t1))
        },
      ),
    )
  })
})

describe('minors, seniors and future dates', () => {
  it('is a minor until the 18th birthday and a senior from the 65th', () => {
    expect(isMinorOn('2008-03-01', '2026-02-28')).toBe(true)
    expect(isMinorOn('2008-03-01', '2026-03-01')).toBe(false)
    expect(isSeniorOn('1961-03-01', '2026-02-28')).toBe(false)
    expect(isSeniorOn('1961-03-01', '2026-03-01')).toBe(true)
  })

  it('lets today pass and refuses tomorrow', () => {
    expect(isInFuture('2026-03-01', '2026-03-01')).toBe(false)
    expect(isInFuture('2026-03-02', '2026-03-01')).toBe(true)
    expect(isInFuture('2025-12-31', '2026-01-01')).toBe(false)
  })
})
