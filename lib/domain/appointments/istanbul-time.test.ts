import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromIstanbulWallTime, isoWeekday, toIstanbulWallTime } from './istanbul-time'

describe('İstanbul wall time', () => {
  it('is three hours ahead of UTC all year since 2016', () => {
    expect(fromIstanbulWallTime('2026-12-01', '09:00').toISOString()).toBe(
      '2026-12-01T06:00:00.000Z',
    )
    expect(fromIstanbulWallTime('2027-07-01', '00:15').toISOString()).toBe(
      '2027-06-30T21:15:00.000Z',
    )
  })

  it('shows the local date and time of an instant', () => {
    expect(toIstanbulWallTime(new Date('2026-12-31T22:30:00Z'))).toEqual({
      date: '2027-01-01',
      time: '01:30',
    })
  })

  it('round-trips every minute of the day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 23 * 60 + 59 }),
        (dayOffset, minute) => {
          const date = new Date(Date.UTC(2026, 0, 1 + dayOffset)).toISOString().slice(0, 10)
          const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
          expect(toIstanbulWallTime(fromIstanbulWallTime(date, time))).toEqual({ date, time })
        },
      ),
    )
  })

  it('numbers weekdays from Monday', () => {
    expect(isoWeekday('2026-11-30')).toBe(1)
    expect(isoWeekday('2026-11-29')).toBe(7)
  })
})
