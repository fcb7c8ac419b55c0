import { describe, expect, it } from 'vitest'
import {
  checkCancellation,
  checkReschedule,
  DEFAULT_BOOKING_RULES as rules,
  holdExpiresAt,
  countsAsStrike,
  isBookingRestricted,
  readBookingRules,
} from './booking-rules'

const now = new Date('2026-11-27T09:00:00Z')
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000)

describe('readBookingRules', () => {
  it('keeps defaults for missing, wrong or out-of-range values', () => {
    expect(readBookingRules(null)).toEqual(rules)
    expect(readBookingRules({ holdMinutes: 30, maxReschedules: '3', horizonDays: 2.5 })).toEqual(
      rules,
    )
    expect(readBookingRules({ holdMinutes: 5, halfDayClosesAt: '13:00' })).toMatchObject({
      holdMinutes: 5,
      halfDayClosesAt: '13:00',
    })
    expect(readBookingRules({ halfDayClosesAt: '25:00' }).halfDayClosesAt).toBe('12:30')
  })

  it('never allows a hold longer than ten minutes', () => {
    expect(readBookingRules({ holdMinutes: 11 }).holdMinutes).toBe(10)
    expect(holdExpiresAt(now, rules).getTime() - now.getTime()).toBe(10 * 60_000)
  })
})

describe('checkReschedule', () => {
  it('allows a move more than 24 hours ahead, up to the limit', () => {
    expect(checkReschedule({ startsAt: hours(25), now, rescheduleCount: 1, rules })).toEqual({
      ok: true,
    })
    expect(checkReschedule({ startsAt: hours(25), now, rescheduleCount: 2, rules })).toEqual({
      ok: false,
      reason: 'too_many_reschedules',
    })
  })

  it('refuses within 24 hours and after the time', () => {
    expect(checkReschedule({ startsAt: hours(23), now, rescheduleCount: 0, rules })).toEqual({
      ok: false,
      reason: 'too_close_to_change',
    })
    expect(checkReschedule({ startsAt: hours(0), now, rescheduleCount: 0, rules })).toEqual({
      ok: false,
      reason: 'appointment_passed',
    })
  })
})

describe('checkCancellation', () => {
  it('always allows cancelling before the time, marking late ones', () => {
    expect(checkCancellation({ startsAt: hours(48), now, rules })).toEqual({
      ok: true,
      late: false,
    })
    expect(checkCancellation({ startsAt: hours(2), now, rules })).toEqual({ ok: true, late: true })
    expect(checkCancellation({ startsAt: hours(-1), now, rules })).toEqual({
      ok: false,
      reason: 'appointment_passed',
    })
  })
})

describe('isBookingRestricted', () => {
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000)
  it('restricts after two strikes within six months', () => {
    expect(isBookingRestricted({ strikes: [daysAgo(10)], now, rules })).toBe(false)
    expect(isBookingRestricted({ strikes: [daysAgo(10), daysAgo(150)], now, rules })).toBe(true)
  })
  it('forgets strikes older than the window', () => {
    expect(isBookingRestricted({ strikes: [daysAgo(10), daysAgo(200)], now, rules })).toBe(false)
  })
})

// features.md, e-İkamet no-show row [T4] (YİMER FAQ): missed and cancelled appointments count.
describe('countsAsStrike', () => {
  it('counts a missed appointment', () => {
    expect(countsAsStrike({ status: 'no_show', cancelledBy: null })).toBe(true)
  })
  it("counts the applicant's cancellation, early or late", () => {
    expect(countsAsStrike({ status: 'cancelled', cancelledBy: 'applicant' })).toBe(true)
  })
  it("does not count the directorate's cancellation", () => {
    expect(countsAsStrike({ status: 'cancelled', cancelledBy: 'directorate' })).toBe(false)
  })
  it('does not count a cancellation of unknown origin, a move, an attendance or an expired hold', () => {
    expect(countsAsStrike({ status: 'cancelled', cancelledBy: null })).toBe(false)
    for (const status of ['rescheduled', 'attended', 'expired', 'confirmed', 'held'] as const)
      expect(countsAsStrike({ status, cancelledBy: null })).toBe(false)
  })
})
