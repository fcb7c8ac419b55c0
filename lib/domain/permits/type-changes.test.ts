import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, addMonths, fromEpochDay, toEpochDay } from './dates'
import { PERMIT_TYPE_CODES } from './permit-types'
import { checkExtensionType, checkTypeChange, heldContinuouslySince } from './type-changes'

const today = '2026-03-01'

describe('checkExtensionType (item 3)', () => {
  it('never extends a long-term permit: it is indefinite (Law 6458 art. 42)', () => {
    expect(checkExtensionType('long_term')).toEqual({ ok: false, reason: 'long_term_not_extended' })
  })
  it('leaves humanitarian and trafficking-victim renewals to staff (art. 46, 48–49)', () => {
    expect(checkExtensionType('humanitarian')).toEqual({ ok: false, reason: 'not_self_service' })
    expect(checkExtensionType('trafficking_victim')).toEqual({
      ok: false,
      reason: 'not_self_service',
    })
  })
  it('extends short-term, family and student permits (art. 24)', () => {
    for (const type of ['short_term', 'family', 'student'] as const)
      expect(checkExtensionType(type)).toEqual({ ok: true })
  })
})

describe('checkTypeChange (item 4, art. 29)', () => {
  it('refuses a change into the same type, whatever it is', () => {
    for (const type of PERMIT_TYPE_CODES)
      expect(checkTypeChange({ from: type, to: type, today })).toEqual({
        ok: false,
        reason: 'same_type',
      })
  })
  it('refuses a change into a staff-only type', () => {
    expect(checkTypeChange({ from: 'short_term', to: 'humanitarian', today }).ok).toBe(false)
  })
  it('refuses humanitarian → long-term (art. 42(2))', () => {
    expect(checkTypeChange({ from: 'humanitarian', to: 'long_term', today })).toEqual({
      ok: false,
      reason: 'no_route_to_long_term',
    })
  })
  it('lets student ↔ family and short-term → student pass', () => {
    expect(checkTypeChange({ from: 'student', to: 'family', today }).ok).toBe(true)
    expect(checkTypeChange({ from: 'family', to: 'student', today }).ok).toBe(true)
    expect(checkTypeChange({ from: 'short_term', to: 'student', today }).ok).toBe(true)
  })

  describe('family → short-term (Reg. art. 34, purpose ğ)', () => {
    const base = { from: 'family', to: 'short_term', today } as const
    it('needs a ground', () => {
      expect(checkTypeChange(base)).toEqual({ ok: false, reason: 'family_ground_required' })
    })
    it('needs three years on a family permit and 18 for "came of age"', () => {
      expect(
        checkTypeChange({
          ...base,
          familyExitGround: 'came_of_age',
          familySince: '2023-03-01',
          age: 18,
        }),
      ).toEqual({ ok: true, purpose: 'from_family_permit' })
      expect(
        checkTypeChange({
          ...base,
          familyExitGround: 'came_of_age',
          familySince: '2023-03-02',
          age: 18,
        }),
      ).toEqual({ ok: false, reason: 'family_years_short', eligibleOn: '2026-03-02' })
      expect(
        checkTypeChange({
          ...base,
          familyExitGround: 'came_of_age',
          familySince: '2020-01-01',
          age: 17,
        }),
      ).toEqual({ ok: false, reason: 'family_exit_too_young' })
      // Age unknown at the start: left to the save and submit checks.
      expect(
        checkTypeChange({ ...base, familyExitGround: 'came_of_age', familySince: '2020-01-01' }).ok,
      ).toBe(true)
    })
    it('needs three years for divorce, none for domestic violence or the sponsor’s death', () => {
      expect(
        checkTypeChange({ ...base, familyExitGround: 'divorce', familySince: '2024-01-01' }).ok,
      ).toBe(false)
      expect(
        checkTypeChange({
          ...base,
          familyExitGround: 'domestic_violence',
          familySince: '2025-01-01',
        }),
      ).toEqual({ ok: true, purpose: 'from_family_permit' })
      expect(
        checkTypeChange({ ...base, familyExitGround: 'sponsor_death', familySince: null }).ok,
      ).toBe(true)
    })
    it('counts three years to the anniversary across leap days (property)', () => {
      const day = fc
        .integer({ min: toEpochDay('2000-01-01'), max: toEpochDay('2080-12-31') })
        .map(fromEpochDay)
      fc.assert(
        fc.property(day, (since) => {
          const on = addMonths(since, 36)
          const ok = (t: string) =>
            checkTypeChange({ ...base, today: t, familyExitGround: 'divorce', familySince: since })
              .ok
          expect(ok(on)).toBe(true)
          expect(ok(addDays(on, -1))).toBe(false)
        }),
      )
    })
  })
})

describe('heldContinuouslySince', () => {
  const fam = (from: string, until: string) => ({ type: 'family' as const, from, until })
  it('chains permits sharing or following the expiry day', () => {
    const periods = [
      fam('2020-01-10', '2021-01-10'),
      fam('2021-01-11', '2023-01-11'),
      fam('2023-01-11', '2027-01-01'),
    ]
    expect(heldContinuouslySince(periods, 'family', today)).toBe('2020-01-10')
  })
  it('stops at a gap of one day and ignores other types', () => {
    const periods = [
      fam('2020-01-10', '2021-01-10'),
      fam('2021-01-12', '2027-01-01'),
      { type: 'student' as const, from: '2019-01-01', until: '2021-01-11' },
    ]
    expect(heldContinuouslySince(periods, 'family', today)).toBe('2021-01-12')
  })
  it('is null when no permit of the type covers today', () => {
    expect(heldContinuouslySince([fam('2020-01-01', '2026-02-28')], 'family', today)).toBeNull()
  })
})
