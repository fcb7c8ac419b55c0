import { describe, expect, it } from 'vitest'
import {
  ABSOLUTE_LIFETIME_MS,
  IDLE_LIMIT_MS,
  LONGEST_IDLE_MS,
  sessionEndsAt,
  sessionHolder,
  sessionStanding,
  type SessionTimes,
} from './session-limits'

const MINUTE = 60_000
const signedIn = new Date('2026-12-03T08:00:00Z')
const at = (minutes: number) => new Date(signedIn.getTime() + minutes * MINUTE)
/** A session last used `lastSeen` minutes after sign-in, with Auth.js's expiry far away. */
const times = (lastSeen: number): SessionTimes => ({
  createdAt: signedIn,
  lastSeenAt: at(lastSeen),
  expires: at(lastSeen + 30),
})

describe('session limits', () => {
  it('are 15 minutes idle for staff, 30 for applicants, 12 hours in all', () => {
    expect(IDLE_LIMIT_MS.staff).toBe(15 * MINUTE)
    expect(IDLE_LIMIT_MS.applicant).toBe(30 * MINUTE)
    expect(ABSOLUTE_LIFETIME_MS).toBe(12 * 60 * MINUTE)
    expect(LONGEST_IDLE_MS).toBe(30 * MINUTE)
  })

  it('apply staff limits to active staff only', () => {
    expect(sessionHolder(true)).toBe('staff')
    expect(sessionHolder(false)).toBe('applicant')
    expect(sessionHolder(null)).toBe('applicant')
  })

  it('end a staff session after 15 idle minutes and an applicant session after 30', () => {
    expect(sessionStanding('staff', times(0), at(14.9))).toMatchObject({ live: true })
    expect(sessionStanding('staff', times(0), at(15))).toEqual({ live: false, reason: 'idle' })
    expect(sessionStanding('staff', times(0), at(16))).toEqual({ live: false, reason: 'idle' })
    expect(sessionStanding('applicant', times(0), at(16))).toMatchObject({ live: true })
    expect(sessionStanding('applicant', times(0), at(29.9))).toMatchObject({ live: true })
    expect(sessionStanding('applicant', times(0), at(30))).toEqual({ live: false, reason: 'idle' })
  })

  it('count idle time from the last request, not from sign-in', () => {
    expect(sessionStanding('staff', times(100), at(114))).toMatchObject({ live: true })
    expect(sessionStanding('staff', times(100), at(115))).toEqual({ live: false, reason: 'idle' })
  })

  it('end every session 12 hours after sign-in, however active', () => {
    const busy = times(12 * 60 - 1)
    expect(sessionStanding('applicant', busy, at(12 * 60 - 0.5))).toMatchObject({ live: true })
    for (const holder of ['staff', 'applicant'] as const)
      expect(sessionStanding(holder, busy, at(12 * 60))).toEqual({
        live: false,
        reason: 'absolute',
      })
  })

  it('also end when Auth.js’s own expiry has passed', () => {
    const slid = { ...times(0), expires: at(5) }
    expect(sessionStanding('applicant', slid, at(5))).toEqual({ live: false, reason: 'expired' })
  })

  it('say when a live session ends: the earlier of idle and absolute end', () => {
    expect(sessionStanding('staff', times(0), at(1))).toEqual({ live: true, endsAt: at(15) })
    expect(sessionEndsAt('applicant', times(60))).toEqual(at(90))
    expect(sessionEndsAt('applicant', times(12 * 60 - 10))).toEqual(at(12 * 60))
  })
})
