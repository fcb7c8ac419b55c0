import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, addMonths, fromEpochDay } from './dates'
import { checkInsurance } from './insurance'

const today = '2026-06-15'
const base = { today, validUntil: null, dateOfBirth: null, permitEnd: null }

// domain.md §9: under 18 and over 65 need no insurance ([C][U]); the checklist's age limits.
describe('checkInsurance: "not required" (§9)', () => {
  const notRequired = (dateOfBirth: string | null) =>
    checkInsurance({ ...base, insuranceType: 'not_required', dateOfBirth })
  it('allows it for a child and for a person over 65', () => {
    expect(notRequired('2010-06-16')).toEqual({ ok: true }) // 15, 18th birthday not yet
    expect(notRequired('2008-06-16')).toEqual({ ok: true }) // 17, turns 18 tomorrow
    expect(notRequired('1960-06-15')).toEqual({ ok: true }) // 66 today
  })
  it('refuses it from the 18th birthday to the 66th', () => {
    const refused = { ok: false, reason: 'not_required_not_allowed' }
    expect(notRequired('2008-06-15')).toEqual(refused) // 18 today
    expect(notRequired('1990-01-01')).toEqual(refused)
    expect(notRequired('1960-06-16')).toEqual(refused) // 65, 66 tomorrow
  })
  it('takes someone without a date of birth, or with a future one, as an adult', () => {
    expect(notRequired(null).ok).toBe(false)
    expect(notRequired('2027-01-01').ok).toBe(false)
  })
  it('counts a 29 February birthday on 1 March in a common year', () => {
    // Born 2008-02-29: 17 on 2026-02-28, 18 on 2026-03-01.
    const at = (day: string) =>
      checkInsurance({
        ...base,
        today: day,
        insuranceType: 'not_required',
        dateOfBirth: '2008-02-29',
      })
    expect(at('2026-02-28').ok).toBe(true)
    expect(at('2026-03-01').ok).toBe(false)
  })
})

// domain.md §9: "valid health insurance covering the whole requested period".
describe('checkInsurance: validity covers the requested period (§9)', () => {
  const insured = (validUntil: string | null, permitEnd: string | null) =>
    checkInsurance({ ...base, insuranceType: 'private', validUntil, permitEnd })
  it('needs an end date for a private policy and a bilateral certificate', () => {
    expect(insured(null, '2027-06-15')).toEqual({ ok: false, reason: 'valid_until_required' })
    expect(insured('2027-02-30', null)).toEqual({ ok: false, reason: 'valid_until_required' })
    expect(
      checkInsurance({ ...base, insuranceType: 'bilateral', permitEnd: '2027-06-15' }),
    ).toEqual({ ok: false, reason: 'valid_until_required' })
  })
  it('takes SGK cover without an end date, and checks one when given', () => {
    const sgk = (validUntil: string | null) =>
      checkInsurance({ ...base, insuranceType: 'sgk', validUntil, permitEnd: '2027-06-15' })
    expect(sgk(null)).toEqual({ ok: true })
    expect(sgk('2027-01-01').ok).toBe(false)
  })
  it('accepts cover until the last permit day or later, refuses one day short', () => {
    expect(insured('2027-06-15', '2027-06-15')).toEqual({ ok: true })
    expect(insured('2027-06-14', '2027-06-15')).toEqual({
      ok: false,
      reason: 'ends_before_permit',
      permitEnd: '2027-06-15',
    })
  })
  it('without a period yet, only the date is needed', () => {
    expect(insured('2026-07-01', null)).toEqual({ ok: true })
  })

  const day = fc.integer({ min: 0, max: 40000 }).map(fromEpochDay)
  it('property: across month ends and leap years, cover ≥ addMonths(start, m) is exactly what passes', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: -40, max: 40 }),
        (start, m, shift) => {
          const permitEnd = addMonths(start, m)
          const validUntil = addDays(permitEnd, shift)
          const check = checkInsurance({
            ...base,
            insuranceType: 'sgk',
            validUntil,
            permitEnd,
          })
          expect(check.ok).toBe(shift >= 0)
        },
      ),
    )
  })
})
