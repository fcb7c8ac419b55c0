import { describe, expect, it } from 'vitest'
import { markUnusualDays, median, MIN_DAYS_FOR_BASELINE, SPIKE_FACTOR } from './lookup-volumes'

const days = (...counts: number[]) =>
  counts.map((lookups, i) => ({ day: `2026-11-${String(i + 1).padStart(2, '0')}`, lookups }))

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 10])).toBe(3.5)
    expect(median([])).toBe(0)
  })
})

describe('markUnusualDays', () => {
  it(`marks a day above ${SPIKE_FACTOR} times the agent's median day`, () => {
    const volume = markUnusualDays(days(20, 22, 18, 25, 21, 70))
    expect(volume.median).toBe(21.5)
    expect(volume.days.filter((d) => d.unusual)).toEqual([
      { day: '2026-11-06', lookups: 70, unusual: true },
    ])
  })

  it('does not mark a day of exactly three times the median', () => {
    const volume = markUnusualDays(days(10, 10, 10, 30))
    expect(volume.median).toBe(10)
    expect(volume.days.some((d) => d.unusual)).toBe(false)
    expect(markUnusualDays(days(10, 10, 10, 31)).days[0]).toMatchObject({ unusual: true })
  })

  it('lists the newest day first', () => {
    expect(markUnusualDays(days(1, 2, 3)).days.map((d) => d.day)).toEqual([
      '2026-11-03',
      '2026-11-02',
      '2026-11-01',
    ])
  })

  it(`has no baseline below ${MIN_DAYS_FOR_BASELINE} days with lookups, so marks nothing`, () => {
    expect(markUnusualDays(days(3))).toEqual({
      median: null,
      days: [{ day: '2026-11-01', lookups: 3, unusual: false }],
    })
    const two = markUnusualDays(days(1, 200))
    expect(two.median).toBeNull()
    expect(two.days.some((d) => d.unusual)).toBe(false)
    expect(markUnusualDays([])).toEqual({ median: null, days: [] })
  })

  it('measures an agent on the days they worked: empty days do not pull the median down', () => {
    const volume = markUnusualDays([...days(12, 0, 0, 0, 0, 14, 13), ...days(0, 0, 0, 0)])
    expect(volume.median).toBe(13)
    expect(volume.days).toHaveLength(3)
    expect(volume.days.some((d) => d.unusual)).toBe(false)
  })

  it('marks a quiet agent who suddenly looks up many cases, but not a steady busy one', () => {
    expect(markUnusualDays(days(2, 3, 2, 40)).days[0]).toMatchObject({ unusual: true })
    expect(markUnusualDays(days(50, 55, 48, 60)).days.some((d) => d.unusual)).toBe(false)
  })
})
