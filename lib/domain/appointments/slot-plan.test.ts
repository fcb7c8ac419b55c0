import { describe, expect, it } from 'vitest'
import { toIstanbulWallTime } from './istanbul-time'
import { planSlots, type OpeningPeriod } from './slot-plan'

const weekdays: OpeningPeriod[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, opensAt: '08:30', closesAt: '12:00' },
  { weekday, opensAt: '13:00', closesAt: '17:30' },
])
const base = {
  openingHours: weekdays,
  slotMinutes: 30,
  holidays: [],
  closedDates: [],
  halfDayClosesAt: '12:30',
}
const times = (slots: ReturnType<typeof planSlots>) =>
  slots.map((s) => toIstanbulWallTime(s.startsAt).time)

describe('planSlots', () => {
  it('fills the opening hours with whole slots and skips the weekend', () => {
    // 2026-11-27 is a Friday: Friday, then Saturday and Sunday closed.
    const slots = planSlots({ ...base, from: '2026-11-27', days: 3 })
    expect(slots.every((s) => s.date === '2026-11-27')).toBe(true)
    expect(times(slots)).toEqual([
      '08:30',
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
      '16:30',
      '17:00',
    ])
    expect(slots[0]!.endsAt.getTime() - slots[0]!.startsAt.getTime()).toBe(30 * 60_000)
  })

  it('drops a slot that would run past closing time', () => {
    const slots = planSlots({ ...base, slotMinutes: 45, from: '2026-11-30', days: 1 })
    expect(times(slots)).toEqual([
      '08:30',
      '09:15',
      '10:00',
      '10:45',
      '13:00',
      '13:45',
      '14:30',
      '15:15',
      '16:00',
      '16:45',
    ])
  })

  it('skips public holidays and closed days, and ends a half day early', () => {
    const slots = planSlots({
      ...base,
      from: '2026-11-30',
      days: 3,
      holidays: [
        { date: '2026-11-30', halfDay: false },
        { date: '2026-12-01', halfDay: true },
      ],
      closedDates: ['2026-12-02'],
    })
    expect(slots.map((s) => s.date)).toEqual(Array(7).fill('2026-12-01'))
    expect(times(slots).at(-1)).toBe('11:30')
  })

  it('refuses an absurd slot length instead of looping', () => {
    expect(() => planSlots({ ...base, slotMinutes: 0, from: '2026-11-30', days: 1 })).toThrow()
  })
})
