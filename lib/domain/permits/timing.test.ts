import { describe, expect, it } from 'vitest'
import { addDays } from './dates'
import {
  checkExtensionWindow,
  checkFirstApplicationTiming,
  checkPassportValidity,
  checkTransitionTiming,
  requestedEndDate,
  TIMING_REASON_CODES,
} from './timing'

describe('checkFirstApplicationTiming', () => {
  const legalStayUntil = '2026-04-15'

  it('accepts up to and including the last day of legal stay', () => {
    expect(checkFirstApplicationTiming({ today: '2026-01-20', legalStayUntil })).toEqual({
      ok: true,
    })
    expect(checkFirstApplicationTiming({ today: '2026-04-14', legalStayUntil })).toEqual({
      ok: true,
    })
    expect(checkFirstApplicationTiming({ today: legalStayUntil, legalStayUntil })).toEqual({
      ok: true,
    })
  })

  it('refuses from the day after', () => {
    expect(checkFirstApplicationTiming({ today: '2026-04-16', legalStayUntil })).toEqual({
      ok: false,
      reason: 'legal_stay_ended',
    })
    expect(checkFirstApplicationTiming({ today: '2027-01-01', legalStayUntil })).toEqual({
      ok: false,
      reason: 'legal_stay_ended',
    })
  })

  it('throws on a malformed date', () => {
    expect(() => checkFirstApplicationTiming({ today: '2026-02-30', legalStayUntil })).toThrow(
      RangeError,
    )
  })
})

describe('checkExtensionWindow', () => {
  const permitValidUntil = '2026-05-10'
  const daysBefore = (n: number) => addDays(permitValidUntil, -n)
  const check = (today: string, windowDays?: number) =>
    checkExtensionWindow({ today, permitValidUntil, windowDays })

  it('opens exactly 60 days before expiry', () => {
    expect(daysBefore(60)).toBe('2026-03-11')
    expect(check(daysBefore(61))).toEqual({
      ok: false,
      reason: 'extension_too_early',
      opensOn: '2026-03-11',
    })
    expect(check(daysBefore(60))).toEqual({ ok: true })
    expect(check(daysBefore(59))).toEqual({ ok: true })
  })

  it('stays open through the expiry day and closes the day after', () => {
    expect(check(daysBefore(1))).toEqual({ ok: true })
    expect(check(permitValidUntil)).toEqual({ ok: true })
    expect(check('2026-05-11')).toEqual({ ok: false, reason: 'permit_expired' })
    expect(check('2027-05-11')).toEqual({ ok: false, reason: 'permit_expired' })
  })

  it('reports the opening day far ahead of time', () => {
    expect(check('2025-05-10')).toEqual({
      ok: false,
      reason: 'extension_too_early',
      opensOn: '2026-03-11',
    })
  })

  it('counts the window across a leap day', () => {
    // 2028-04-29 minus 60 days passes 29 February 2028.
    const until = '2028-04-29'
    expect(checkExtensionWindow({ today: '2028-02-29', permitValidUntil: until })).toEqual({
      ok: true,
    })
    expect(checkExtensionWindow({ today: '2028-02-28', permitValidUntil: until })).toEqual({
      ok: false,
      reason: 'extension_too_early',
      opensOn: '2028-02-29',
    })
  })

  it('honours a different window length', () => {
    expect(check(daysBefore(30), 30)).toEqual({ ok: true })
    expect(check(daysBefore(31), 30)).toMatchObject({ ok: false, reason: 'extension_too_early' })
    expect(check(daysBefore(1), 0)).toMatchObject({
      ok: false,
      reason: 'extension_too_early',
      opensOn: permitValidUntil,
    })
    expect(check(permitValidUntil, 0)).toEqual({ ok: true })
  })

  it('refuses a negative or fractional window', () => {
    expect(() => check(permitValidUntil, -1)).toThrow(RangeError)
    expect(() => check(permitValidUntil, 1.5)).toThrow(RangeError)
  })
})

describe('checkTransitionTiming', () => {
  const currentPermitValidUntil = '2026-12-31'
  const groundEndedOn = '2026-06-20'

  it('allows the 10th day after the ground ended and refuses the 11th', () => {
    const at = (today: string) =>
      checkTransitionTiming({
        today,
        groundEndedOn,
        hasAdditionalGround: false,
        currentPermitValidUntil,
      })
    expect(at(groundEndedOn)).toEqual({ ok: true })
    expect(at('2026-06-21')).toEqual({ ok: true })
    expect(at('2026-06-30')).toEqual({ ok: true })
    expect(at('2026-07-01')).toEqual({
      ok: false,
      reason: 'transition_deadline_passed',
      deadline: '2026-06-30',
    })
  })

  it('applies the 10-day deadline even with an additional ground', () => {
    expect(
      checkTransitionTiming({
        today: '2026-07-01',
        groundEndedOn,
        hasAdditionalGround: true,
        currentPermitValidUntil,
      }),
    ).toMatchObject({ ok: false, reason: 'transition_deadline_passed' })
  })

  it('keeps the 10 days when the printed expiry falls inside them', () => {
    // The ground ending also ends the permit (art. 29); the 10 days run from that date.
    expect(
      checkTransitionTiming({
        today: '2026-06-28',
        groundEndedOn: '2026-06-20',
        hasAdditionalGround: false,
        currentPermitValidUntil: '2026-06-22',
      }),
    ).toEqual({ ok: true })
  })

  it('refuses a ground that ended after the permit had expired', () => {
    const base = { today: '2026-06-25', hasAdditionalGround: false }
    expect(
      checkTransitionTiming({
        ...base,
        groundEndedOn: '2026-06-21',
        currentPermitValidUntil: '2026-06-20',
      }),
    ).toEqual({ ok: false, reason: 'permit_expired' })
    expect(
      checkTransitionTiming({
        ...base,
        groundEndedOn: '2026-06-20',
        currentPermitValidUntil: '2026-06-20',
      }),
    ).toEqual({ ok: true })
  })

  it('accepts a ground that ends in the future', () => {
    expect(
      checkTransitionTiming({
        today: '2026-06-01',
        groundEndedOn,
        hasAdditionalGround: false,
        currentPermitValidUntil,
      }),
    ).toEqual({ ok: true })
  })

  it('with an additional ground, allows any day the permit is valid, the expiry day included', () => {
    const at = (today: string) =>
      checkTransitionTiming({
        today,
        groundEndedOn: null,
        hasAdditionalGround: true,
        currentPermitValidUntil,
      })
    // Well before the 60-day extension window.
    expect(at('2026-01-05')).toEqual({ ok: true })
    expect(at(currentPermitValidUntil)).toEqual({ ok: true })
    expect(at('2027-01-01')).toEqual({ ok: false, reason: 'permit_expired' })
  })

  it('needs a ground', () => {
    expect(
      checkTransitionTiming({
        today: '2026-01-05',
        groundEndedOn: null,
        hasAdditionalGround: false,
        currentPermitValidUntil,
      }),
    ).toEqual({ ok: false, reason: 'no_ground_given' })
  })
})

describe('checkPassportValidity', () => {
  const end = '2027-03-01'

  it('accepts a passport valid exactly 60 days beyond the permit end, refuses 59', () => {
    expect(
      checkPassportValidity({ passportValidUntil: addDays(end, 60), requestedEndDate: end }),
    ).toEqual({ ok: true })
    expect(
      checkPassportValidity({ passportValidUntil: addDays(end, 61), requestedEndDate: end }),
    ).toEqual({ ok: true })
    expect(
      checkPassportValidity({ passportValidUntil: addDays(end, 59), requestedEndDate: end }),
    ).toEqual({ ok: false, reason: 'passport_too_short', latestAllowedEnd: '2027-02-28' })
  })

  it('reports the latest permit end the passport allows', () => {
    expect(
      checkPassportValidity({ passportValidUntil: '2027-01-15', requestedEndDate: end }),
    ).toEqual({ ok: false, reason: 'passport_too_short', latestAllowedEnd: '2026-11-16' })
    expect(
      checkPassportValidity({ passportValidUntil: '2027-01-15', requestedEndDate: '2026-11-16' }),
    ).toEqual({ ok: true })
  })

  it('refuses a passport that expires before the permit', () => {
    expect(
      checkPassportValidity({ passportValidUntil: '2026-12-31', requestedEndDate: end }),
    ).toMatchObject({ ok: false, reason: 'passport_too_short' })
  })

  it('counts the margin across a leap day', () => {
    // 2028-02-01 + 60 days = 2028-04-01 (29 days in February 2028).
    expect(
      checkPassportValidity({ passportValidUntil: '2028-04-01', requestedEndDate: '2028-02-01' }),
    ).toEqual({ ok: true })
    expect(
      checkPassportValidity({ passportValidUntil: '2028-03-31', requestedEndDate: '2028-02-01' }),
    ).toMatchObject({ ok: false })
  })

  it('honours a different margin and refuses a negative one', () => {
    expect(
      checkPassportValidity({ passportValidUntil: end, requestedEndDate: end, marginDays: 0 }),
    ).toEqual({ ok: true })
    expect(() =>
      checkPassportValidity({ passportValidUntil: end, requestedEndDate: end, marginDays: -1 }),
    ).toThrow(RangeError)
  })
})

describe('requestedEndDate', () => {
  it('adds calendar months and clamps to the month end', () => {
    expect(requestedEndDate('2026-03-01', 12)).toBe('2027-03-01')
    expect(requestedEndDate('2026-01-31', 1)).toBe('2026-02-28')
    expect(requestedEndDate('2027-08-31', 6)).toBe('2028-02-29')
    expect(requestedEndDate('2024-02-29', 24)).toBe('2026-02-28')
  })

  it('refuses zero, negative and fractional months', () => {
    expect(() => requestedEndDate('2026-03-01', 0)).toThrow(RangeError)
    expect(() => requestedEndDate('2026-03-01', -3)).toThrow(RangeError)
    expect(() => requestedEndDate('2026-03-01', 1.5)).toThrow(RangeError)
  })
})

it('lists every timing reason once', () => {
  expect(new Set(TIMING_REASON_CODES).size).toBe(TIMING_REASON_CODES.length)
})
