import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../permits/dates'
import {
  checkConstraints,
  compareRequests,
  earliestDateWindow,
  normaliseWeekdays,
  PARTS_OF_DAY,
  slotFits,
  type AssignmentConstraints,
  type QueuedRequest,
} from './assignment'
import { fromIstanbulWallTime, isoWeekday, toIstanbulWallTime } from './istanbul-time'

const TODAY = '2026-06-01' // a Monday
const context = { today: TODAY, horizonDays: 60 }
const ok: AssignmentConstraints = {
  earliestDate: '2026-06-02',
  weekdays: [1, 2, 3, 4, 5],
  partOfDay: 'any',
}

describe('checkConstraints', () => {
  it('accepts tomorrow up to the horizon, weekdays 1–5 and the three parts of the day', () => {
    expect(checkConstraints(ok, context)).toBeNull()
    expect(checkConstraints({ ...ok, earliestDate: addDays(TODAY, 60) }, context)).toBeNull()
    for (const partOfDay of PARTS_OF_DAY)
      expect(checkConstraints({ ...ok, partOfDay, weekdays: [3] }, context)).toBeNull()
  })

  it('names the first problem', () => {
    const check = (c: Partial<AssignmentConstraints>) => checkConstraints({ ...ok, ...c }, context)
    expect(check({ earliestDate: TODAY })).toBe('earliest_date_too_soon')
    expect(check({ earliestDate: '2026-05-20' })).toBe('earliest_date_too_soon')
    expect(check({ earliestDate: addDays(TODAY, 61) })).toBe('earliest_date_too_late')
    expect(check({ earliestDate: '2026-02-30' })).toBe('earliest_date_invalid')
    expect(check({ earliestDate: '2.6.2026' })).toBe('earliest_date_invalid')
    expect(check({ weekdays: [] })).toBe('weekdays_required')
    expect(check({ weekdays: [1, 6] })).toBe('weekdays_invalid')
    expect(check({ weekdays: [0] })).toBe('weekdays_invalid')
    expect(check({ weekdays: [2.5] })).toBe('weekdays_invalid')
    expect(check({ partOfDay: 'evening' as never })).toBe('part_of_day_invalid')
  })

  it('keeps the window at least one day wide', () => {
    expect(earliestDateWindow(TODAY, 0)).toEqual({ from: '2026-06-02', to: '2026-06-02' })
  })
})

describe('normaliseWeekdays', () => {
  it('keeps each day once, in order', () => {
    expect(normaliseWeekdays([5, 1, 5, 3])).toEqual([1, 3, 5])
  })
})

describe('slotFits', () => {
  const at = (date: string, time: string) => fromIstanbulWallTime(date, time)

  it('splits the day at 12:00 on an İstanbul clock, whatever the server zone', () => {
    const morning = { ...ok, partOfDay: 'morning' as const }
    const afternoon = { ...ok, partOfDay: 'afternoon' as const }
    expect(slotFits(morning, at('2026-06-03', '11:45'))).toBe(true)
    expect(slotFits(morning, at('2026-06-03', '12:00'))).toBe(false)
    expect(slotFits(afternoon, at('2026-06-03', '12:00'))).toBe(true)
    expect(slotFits(afternoon, at('2026-06-03', '08:30'))).toBe(false)
    // 08:30 in İstanbul is 05:30 UTC: the UTC hour must not decide.
    expect(slotFits(morning, new Date('2026-06-03T05:30:00Z'))).toBe(true)
  })

  it('refuses days before the earliest date and weekdays not chosen', () => {
    const wednesdays = { ...ok, earliestDate: '2026-06-03', weekdays: [3] }
    expect(slotFits(wednesdays, at('2026-06-02', '09:00'))).toBe(false)
    expect(slotFits(wednesdays, at('2026-06-03', '09:00'))).toBe(true)
    expect(slotFits(wednesdays, at('2026-06-04', '09:00'))).toBe(false)
    expect(slotFits(wednesdays, at('2026-06-10', '16:00'))).toBe(true)
    // 23:30 UTC on Tuesday is already Wednesday 02:30 in İstanbul.
    expect(slotFits(wednesdays, new Date('2026-06-02T23:30:00Z'))).toBe(true)
  })

  it('agrees with the three constraints read one by one, for any slot', () => {
    const constraints = fc.record({
      earliestDate: fc.integer({ min: 1, max: 60 }).map((n) => addDays(TODAY, n)),
      weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 }),
      partOfDay: fc.constantFrom(...PARTS_OF_DAY),
    })
    const instant = fc
      .integer({ min: 0, max: 70 * 24 * 60 })
      .map((m) => new Date(Date.parse('2026-06-01T00:00:00+03:00') + m * 60_000))
    fc.assert(
      fc.property(constraints, instant, (c, startsAt) => {
        const wall = toIstanbulWallTime(startsAt)
        const expected =
          wall.date >= c.earliestDate &&
          c.weekdays.includes(isoWeekday(wall.date)) &&
          (c.partOfDay === 'any' || (c.partOfDay === 'morning') === wall.time < '12:00')
        expect(slotFits(c, startsAt)).toBe(expected)
        // Any slot fits "any part of the day, every weekday" once the date is reached.
        const open = { ...c, weekdays: [1, 2, 3, 4, 5], partOfDay: 'any' as const }
        if (wall.date >= c.earliestDate && isoWeekday(wall.date) <= 5)
          expect(slotFits(open, startsAt)).toBe(true)
      }),
    )
  })
})

describe('compareRequests', () => {
  const day = fc.integer({ min: 0, max: 400 }).map((n) => addDays('2026-01-01', n))
  const request: fc.Arbitrary<QueuedRequest> = fc.record({
    applicationId: fc.uuid(),
    legalDeadline: fc.option(day, { nil: null }),
    requestedAt: fc.integer({ min: 0, max: 10_000 }).map((m) => new Date(1_780_000_000_000 + m)),
  })

  it('serves the earliest legal deadline first, then the earliest request, unknown last', () => {
    const t = (m: number) => new Date(1_780_000_000_000 + m)
    const sorted = [
      { applicationId: 'c', legalDeadline: null, requestedAt: t(0) },
      { applicationId: 'b', legalDeadline: '2026-08-01', requestedAt: t(5) },
      { applicationId: 'a', legalDeadline: '2026-09-01', requestedAt: t(0) },
      { applicationId: 'd', legalDeadline: '2026-08-01', requestedAt: t(1) },
    ].sort(compareRequests)
    expect(sorted.map((r) => r.applicationId)).toEqual(['d', 'b', 'a', 'c'])
  })

  it('is a total order: sorting never depends on the order requests came in', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 30 }), (requests) => {
        const once = [...requests].sort(compareRequests)
        const twice = [...requests].reverse().sort(compareRequests)
        expect(twice.map((r) => r.applicationId)).toEqual(once.map((r) => r.applicationId))
        for (let i = 1; i < once.length; i++) {
          const [prev, next] = [once[i - 1]!, once[i]!]
          if (prev.legalDeadline !== null && next.legalDeadline !== null)
            expect(prev.legalDeadline <= next.legalDeadline).toBe(true)
          if (prev.legalDeadline === null) expect(next.legalDeadline).toBeNull()
        }
      }),
    )
  })
})
