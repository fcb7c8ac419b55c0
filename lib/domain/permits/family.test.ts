import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, addMonths, fromEpochDay, toEpochDay } from './dates'
import {
  checkFamilyMember,
  checkSponsorIncome,
  checkSponsorPermit,
  familyIncomeThreshold,
} from './family'

describe('checkFamilyMember (Law 6458 art. 34(1), Reg. art. 30)', () => {
  it('needs a spouse of at least 18', () => {
    expect(checkFamilyMember({ relationship: 'spouse', age: 17 })).toEqual({
      ok: false,
      reason: 'spouse_under_18',
    })
    expect(checkFamilyMember({ relationship: 'spouse', age: 18 })).toEqual({ ok: true })
  })
  it('takes a child as a minor, an adult child only as a dependent', () => {
    expect(checkFamilyMember({ relationship: 'child', age: 17 }).ok).toBe(true)
    expect(checkFamilyMember({ relationship: 'child_of_spouse', age: 18 })).toEqual({
      ok: false,
      reason: 'child_not_minor',
    })
    expect(checkFamilyMember({ relationship: 'dependent_child', age: 30 }).ok).toBe(true)
    expect(checkFamilyMember({ relationship: 'dependent_child_of_spouse', age: 19 }).ok).toBe(true)
  })
})

describe('checkSponsorPermit (art. 34(1): a year on a permit, or a citizen)', () => {
  const today = '2026-03-01'
  it('lets a citizen sponsor at once', () => {
    expect(checkSponsorPermit({ citizenship: 'turkish_citizen', heldSince: null, today }).ok).toBe(
      true,
    )
  })
  it('needs a foreigner to have held a permit for a full year', () => {
    expect(
      checkSponsorPermit({ citizenship: 'foreigner', heldSince: '2025-03-01', today }),
    ).toEqual({ ok: true })
    expect(
      checkSponsorPermit({ citizenship: 'foreigner', heldSince: '2025-03-02', today }),
    ).toEqual({ ok: false, reason: 'sponsor_permit_too_recent', eligibleOn: '2026-03-02' })
  })
  it('turns on the anniversary across month ends and leap years (property)', () => {
    const day = fc
      .integer({ min: toEpochDay('2000-01-01'), max: toEpochDay('2080-12-31') })
      .map(fromEpochDay)
    fc.assert(
      fc.property(day, (since) => {
        const on = addMonths(since, 12)
        const check = (t: string) =>
          checkSponsorPermit({ citizenship: 'foreigner', heldSince: since, today: t }).ok
        expect(check(on)).toBe(true)
        expect(check(addDays(on, -1))).toBe(false)
      }),
    )
  })
})

describe('sponsor income (Reg. art. 31(1)(a): a third of the minimum wage per member)', () => {
  it('is a third of the minimum wage times the members, rounded up to the kuruş', () => {
    expect(familyIncomeThreshold(3, 2_200_000)).toBe(2_200_000)
    expect(familyIncomeThreshold(1, 100)).toBe(34)
  })
  it('refuses a kuruş short and takes the threshold itself', () => {
    expect(
      checkSponsorIncome({
        monthlyIncomeKurus: 1_466_666,
        familyMembers: 2,
        minimumWageKurus: 2_200_000,
      }),
    ).toEqual({ ok: false, reason: 'sponsor_income_too_low', thresholdKurus: 1_466_667 })
    expect(
      checkSponsorIncome({
        monthlyIncomeKurus: 1_466_667,
        familyMembers: 2,
        minimumWageKurus: 2_200_000,
      }).ok,
    ).toBe(true)
  })
  it('never asks less for more members (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (n, wage) => {
          expect(familyIncomeThreshold(n + 1, wage)).toBeGreaterThanOrEqual(
            familyIncomeThreshold(n, wage),
          )
          expect(3 * familyIncomeThreshold(n, wage)).toBeGreaterThanOrEqual(n * wage)
        },
      ),
    )
  })
})
