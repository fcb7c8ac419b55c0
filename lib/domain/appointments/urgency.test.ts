import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, daysBetween, isIsoDate } from '../permits/dates'
import {
  compareUrgency,
  DEADLINE_FALLBACK_DAYS,
  legalDeadlineOf,
  mostUrgent,
  type WaitingApplicant,
} from './urgency'

const day = fc.integer({ min: 0, max: 800 }).map((n) => addDays('2026-01-01', n))
const applicant: fc.Arbitrary<WaitingApplicant> = fc.record({
  applicationId: fc.uuid(),
  legalDeadline: fc.option(day, { nil: null }),
  joinedAt: fc.integer({ min: 0, max: 10_000 }).map((m) => new Date(1_780_000_000_000 + m)),
})

describe('legalDeadlineOf', () => {
  it('takes the stated legal stay first, then the permit, then submission + fallback days', () => {
    const submittedAt = new Date('2026-03-01T22:30:00Z') // 2 March in İstanbul
    expect(
      legalDeadlineOf({
        statedLegalStayUntil: '2026-05-01',
        basedOnPermitValidUntil: '2026-04-01',
        submittedAt,
      }),
    ).toBe('2026-05-01')
    expect(legalDeadlineOf({ basedOnPermitValidUntil: '2026-04-01', submittedAt })).toBe(
      '2026-04-01',
    )
    expect(legalDeadlineOf({ submittedAt })).toBe(addDays('2026-03-02', DEADLINE_FALLBACK_DAYS))
    expect(legalDeadlineOf({})).toBe(null)
  })

  // Law 6458 art. 29: the permit ends on the day its ground ended; 10 days to apply.
  it('takes the day a transition ground ended plus 10 days, before the printed expiry', () => {
    expect(
      legalDeadlineOf({
        transitionGroundEndedOn: '2026-03-25',
        basedOnPermitValidUntil: '2027-01-01',
      }),
    ).toBe('2026-04-04')
    // The printed expiry may also be earlier than ground end + 10: art. 29 still decides.
    expect(
      legalDeadlineOf({
        transitionGroundEndedOn: '2026-12-28',
        basedOnPermitValidUntil: '2026-12-31',
      }),
    ).toBe('2027-01-07')
    // An additional ground, no ground ended: the printed expiry.
    expect(
      legalDeadlineOf({ transitionGroundEndedOn: null, basedOnPermitValidUntil: '2027-01-01' }),
    ).toBe('2027-01-01')
    expect(
      legalDeadlineOf({
        transitionGroundEndedOn: '2026-02-30',
        basedOnPermitValidUntil: '2027-01-01',
      }),
    ).toBe('2027-01-01')
  })

  it('property: ground end + 10 days, across month ends and leap years', () => {
    const ended = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2024-01-01', n))
    fc.assert(
      fc.property(ended, day, (groundEndedOn, printed) => {
        const deadline = legalDeadlineOf({
          transitionGroundEndedOn: groundEndedOn,
          basedOnPermitValidUntil: printed,
        })!
        expect(daysBetween(groundEndedOn, deadline)).toBe(10)
        expect(isIsoDate(deadline)).toBe(true)
      }),
    )
    // Leap day and year end.
    expect(legalDeadlineOf({ transitionGroundEndedOn: '2028-02-20' })).toBe('2028-03-01')
    expect(legalDeadlineOf({ transitionGroundEndedOn: '2027-02-20' })).toBe('2027-03-02')
  })

  it('skips a stated date that is not a real calendar date', () => {
    expect(
      legalDeadlineOf({
        statedLegalStayUntil: '2026-02-30',
        basedOnPermitValidUntil: '2026-04-01',
      }),
    ).toBe('2026-04-01')
    expect(legalDeadlineOf({ statedLegalStayUntil: 'soon' })).toBe(null)
  })
})

describe('compareUrgency', () => {
  it('puts the earlier deadline first, an unknown one last, then the earlier join', () => {
    const base = { applicationId: 'b', joinedAt: new Date(2) }
    const soon = { ...base, legalDeadline: '2026-02-01' }
    const late = { ...base, legalDeadline: '2026-09-01', joinedAt: new Date(1) }
    const unknown = { ...base, legalDeadline: null, joinedAt: new Date(0) }
    const soonButLater = { ...soon, applicationId: 'a', joinedAt: new Date(3) }
    expect([unknown, late, soonButLater, soon].sort(compareUrgency)).toEqual([
      soon,
      soonButLater,
      late,
      unknown,
    ])
  })

  it('is a total order: antisymmetric, reflexive on equals, transitive', () => {
    fc.assert(
      fc.property(applicant, applicant, applicant, (a, b, c) => {
        expect(Math.sign(compareUrgency(a, b))).toBe(-Math.sign(compareUrgency(b, a)) || 0)
        expect(compareUrgency(a, a)).toBe(0)
        if (compareUrgency(a, b) <= 0 && compareUrgency(b, c) <= 0)
          expect(compareUrgency(a, c)).toBeLessThanOrEqual(0)
      }),
    )
  })

  it('sorts deadlines ascending with unknown ones last, and joins ascending within a deadline', () => {
    fc.assert(
      fc.property(fc.array(applicant, { maxLength: 40 }), (people) => {
        const sorted = [...people].sort(compareUrgency)
        for (let i = 1; i < sorted.length; i++) {
          const [prev, next] = [sorted[i - 1]!, sorted[i]!]
          if (prev.legalDeadline === null) expect(next.legalDeadline).toBe(null)
          else if (next.legalDeadline !== null) {
            expect(prev.legalDeadline <= next.legalDeadline).toBe(true)
            if (prev.legalDeadline === next.legalDeadline)
              expect(prev.joinedAt.getTime()).toBeLessThanOrEqual(next.joinedAt.getTime())
          }
        }
      }),
    )
  })

  it('does not depend on the order people are listed in', () => {
    fc.assert(
      fc.property(fc.array(applicant, { minLength: 1, maxLength: 30 }), (people) => {
        const best = mostUrgent(people)
        expect(mostUrgent([...people].reverse())).toEqual(best)
        expect([...people].sort(compareUrgency)[0]).toEqual(best)
      }),
    )
    expect(mostUrgent([])).toBe(null)
  })
})
