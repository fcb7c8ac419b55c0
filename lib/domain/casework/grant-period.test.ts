import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, addMonths, compareIsoDates } from '../permits/dates'
import type { PermitCatalogue } from '../permits/permit-types'
import { checkGrantPeriod, type GrantPeriodInput } from './grant-period'

const catalogue: PermitCatalogue = {
  permitTypes: {
    short_term: { maxMonthsPerGrant: 24 },
    family: { maxMonthsPerGrant: 36 },
    student: { maxMonthsPerGrant: null },
    long_term: { maxMonthsPerGrant: null },
    humanitarian: { maxMonthsPerGrant: 12 },
    trafficking_victim: { maxMonthsPerGrant: 6 },
  },
  purposes: { investor: { maxMonthsPerGrant: 60 } },
}

const base: GrantPeriodInput = {
  catalogue,
  permitType: 'short_term',
  purpose: 'tourism',
  kind: 'first',
  validFrom: '2026-12-02',
  validUntil: '2027-12-01',
  today: '2026-12-02',
  submittedOn: '2026-11-01',
  previousPermitEnd: null,
  sponsorPermitEnd: null,
  passportExpiry: '2030-01-01',
}

describe('checkGrantPeriod', () => {
  it('accepts a year of short-term stay within the passport', () => {
    expect(checkGrantPeriod(base)).toEqual({ ok: true })
  })

  it('refuses garbage and reversed dates', () => {
    expect(checkGrantPeriod({ ...base, validFrom: '2026-02-30' })).toMatchObject({
      reason: 'invalid_dates',
    })
    expect(checkGrantPeriod({ ...base, validUntil: '2026-12-02' })).toMatchObject({
      reason: 'end_before_start',
    })
  })

  it('caps by type, and by purpose for short-term', () => {
    expect(checkGrantPeriod({ ...base, validUntil: '2028-12-02' })).toEqual({
      ok: false,
      reason: 'over_maximum',
      latestEnd: '2028-12-01',
      maxMonths: 24,
    })
    expect(checkGrantPeriod({ ...base, purpose: 'investor', validUntil: '2029-10-01' })).toEqual({
      ok: true,
    })
  })

  it('gives a trafficking victim 30 days first and three years in all (art. 48–49)', () => {
    const victim = { ...base, permitType: 'trafficking_victim' as const, purpose: null }
    expect(checkGrantPeriod({ ...victim, validUntil: '2026-12-31' })).toEqual({ ok: true })
    expect(checkGrantPeriod({ ...victim, validUntil: '2027-01-01' })).toEqual({
      ok: false,
      reason: 'first_grant_too_long',
      latestEnd: '2026-12-31',
    })
    const previousGrants = [
      { from: '2024-01-01', until: '2024-01-30' },
      { from: '2024-01-31', until: '2026-12-01' },
    ]
    expect(checkGrantPeriod({ ...victim, previousGrants, validUntil: '2026-12-31' })).toMatchObject(
      { ok: true },
    )
    expect(checkGrantPeriod({ ...victim, previousGrants, validUntil: '2027-01-01' })).toEqual({
      ok: false,
      reason: 'total_too_long',
      latestEnd: '2026-12-31',
    })
  })

  it('never lets a family permit outlast the sponsor', () => {
    expect(
      checkGrantPeriod({
        ...base,
        permitType: 'family',
        purpose: null,
        sponsorPermitEnd: '2027-06-30',
      }),
    ).toEqual({ ok: false, reason: 'beyond_sponsor', latestEnd: '2027-06-30' })
  })

  it('keeps 60 days of passport beyond the end', () => {
    expect(checkGrantPeriod({ ...base, passportExpiry: '2028-01-15' })).toEqual({
      ok: false,
      reason: 'beyond_passport',
      latestEnd: '2027-11-16',
    })
  })

  it('starts an extension where the old permit ends', () => {
    const extension = { ...base, kind: 'extension' as const, previousPermitEnd: '2026-12-25' }
    expect(checkGrantPeriod({ ...extension, validFrom: '2026-12-02' })).toMatchObject({
      reason: 'start_out_of_range',
      earliest: '2026-12-25',
    })
    expect(
      checkGrantPeriod({ ...extension, validFrom: '2026-12-26', validUntil: '2027-12-25' }),
    ).toEqual({ ok: true })
  })

  it('never accepts a period longer than the cap, whatever the dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 2000 }), (s, d) => {
        const validFrom = addDays('2026-12-02', s)
        const validUntil = addDays(validFrom, d)
        const result = checkGrantPeriod({ ...base, validFrom, validUntil })
        const withinCap = compareIsoDates(validUntil, addDays(addMonths(validFrom, 24), -1)) <= 0
        const withinPassport = compareIsoDates(validUntil, '2029-11-02') <= 0
        expect(result.ok).toBe(withinCap && withinPassport)
      }),
    )
  })
})
