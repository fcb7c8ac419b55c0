import { describe, expect, it } from 'vitest'
import { dueReminder } from './reminders'

const startsAt = new Date('2026-12-10T06:00:00Z')
const hoursBefore = (h: number) => new Date(startsAt.getTime() - h * 3_600_000)
const bookedEarly = hoursBefore(24 * 20)

describe('dueReminder', () => {
  it('sends nothing before three days to go', () => {
    expect(
      dueReminder({ startsAt, confirmedAt: bookedEarly, now: hoursBefore(73), sent: [] }),
    ).toBe(null)
  })

  it('sends the three-day reminder once, then the one-day reminder once', () => {
    expect(
      dueReminder({ startsAt, confirmedAt: bookedEarly, now: hoursBefore(71), sent: [] }),
    ).toBe('three_days')
    expect(
      dueReminder({
        startsAt,
        confirmedAt: bookedEarly,
        now: hoursBefore(30),
        sent: ['three_days'],
      }),
    ).toBe(null)
    expect(
      dueReminder({
        startsAt,
        confirmedAt: bookedEarly,
        now: hoursBefore(23),
        sent: ['three_days'],
      }),
    ).toBe('one_day')
    expect(
      dueReminder({
        startsAt,
        confirmedAt: bookedEarly,
        now: hoursBefore(2),
        sent: ['three_days', 'one_day'],
      }),
    ).toBe(null)
  })

  it('skips a reminder whose moment had passed when the appointment was booked', () => {
    expect(
      dueReminder({ startsAt, confirmedAt: hoursBefore(48), now: hoursBefore(47), sent: [] }),
    ).toBe(null)
    expect(
      dueReminder({ startsAt, confirmedAt: hoursBefore(48), now: hoursBefore(20), sent: [] }),
    ).toBe('one_day')
    expect(
      dueReminder({ startsAt, confirmedAt: hoursBefore(5), now: hoursBefore(4), sent: [] }),
    ).toBe(null)
  })

  it('sends only the nearer reminder when both are due, and nothing after the start', () => {
    expect(
      dueReminder({ startsAt, confirmedAt: bookedEarly, now: hoursBefore(10), sent: [] }),
    ).toBe('one_day')
    expect(
      dueReminder({ startsAt, confirmedAt: bookedEarly, now: hoursBefore(-1), sent: [] }),
    ).toBe(null)
  })
})
