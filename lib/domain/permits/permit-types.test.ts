import { describe, expect, it } from 'vitest'
import {
  checkRequestedMonths,
  isPermitTypeCode,
  isSelfServicePermitType,
  isShortTermPurposeCode,
  maxGrantMonths,
  PERMIT_TYPE_CODES,
  REQUESTED_MONTHS_REASON_CODES,
  SHORT_TERM_PURPOSE_CODES,
  type PermitCatalogue,
  type ShortTermPurposeCode,
} from './permit-types'

// The seed values (db/seed/permit-data.ts); lib/domain may not import db, so they are copied.
const SEED_PURPOSE_CAPS: Record<ShortTermPurposeCode, number> = {
  research: 24,
  property_owner: 24,
  business: 24,
  in_service_training: 24,
  exchange_programme: 24,
  tourism: 24,
  medical_treatment: 24,
  authority_request: 24,
  from_family_permit: 24,
  turkish_course: 24,
  public_programme: 24,
  recent_graduate: 12,
  investor: 60,
  trnc_citizen: 60,
}

const catalogue: PermitCatalogue = {
  permitTypes: {
    short_term: { maxMonthsPerGrant: 24 },
    family: { maxMonthsPerGrant: 36 },
    student: { maxMonthsPerGrant: null },
    long_term: { maxMonthsPerGrant: null },
    humanitarian: { maxMonthsPerGrant: 12 },
    trafficking_victim: { maxMonthsPerGrant: 6 },
  },
  purposes: Object.fromEntries(
    Object.entries(SEED_PURPOSE_CAPS).map(([code, max]) => [code, { maxMonthsPerGrant: max }]),
  ),
}

describe('codes', () => {
  it('lists the six permit types of art. 30', () => {
    expect(PERMIT_TYPE_CODES).toEqual([
      'short_term',
      'family',
      'student',
      'long_term',
      'humanitarian',
      'trafficking_victim',
    ])
  })

  it('lists the 14 short-term purposes in law-letter order, each once', () => {
    expect(SHORT_TERM_PURPOSE_CODES).toHaveLength(14)
    expect(new Set(SHORT_TERM_PURPOSE_CODES).size).toBe(14)
    expect(SHORT_TERM_PURPOSE_CODES).toEqual(Object.keys(SEED_PURPOSE_CAPS))
    expect(SHORT_TERM_PURPOSE_CODES[0]).toBe('research')
    expect(SHORT_TERM_PURPOSE_CODES[13]).toBe('trnc_citizen')
  })

  it('narrows unknown strings', () => {
    expect(isPermitTypeCode('family')).toBe(true)
    expect(isPermitTypeCode('work')).toBe(false)
    expect(isPermitTypeCode('')).toBe(false)
    expect(isShortTermPurposeCode('tourism')).toBe(true)
    expect(isShortTermPurposeCode('short_term')).toBe(false)
  })
})

describe('isSelfServicePermitType', () => {
  it('leaves humanitarian and trafficking-victim permits to staff', () => {
    const selfService = PERMIT_TYPE_CODES.filter(isSelfServicePermitType)
    expect(selfService).toEqual(['short_term', 'family', 'student', 'long_term'])
  })
})

describe('maxGrantMonths', () => {
  it('uses the type cap for types other than short-term, whatever the purpose', () => {
    expect(maxGrantMonths(catalogue, 'family', null)).toBe(36)
    expect(maxGrantMonths(catalogue, 'family', 'investor')).toBe(36)
    expect(maxGrantMonths(catalogue, 'humanitarian', null)).toBe(12)
    expect(maxGrantMonths(catalogue, 'trafficking_victim', null)).toBe(6)
    expect(maxGrantMonths(catalogue, 'student', null)).toBeNull()
    expect(maxGrantMonths(catalogue, 'long_term', null)).toBeNull()
  })

  it('lets the purpose cap override the short-term cap both ways', () => {
    expect(maxGrantMonths(catalogue, 'short_term', 'tourism')).toBe(24)
    expect(maxGrantMonths(catalogue, 'short_term', 'investor')).toBe(60)
    expect(maxGrantMonths(catalogue, 'short_term', 'recent_graduate')).toBe(12)
  })

  it('falls back to the type cap without a purpose, a purpose row or a purpose cap', () => {
    const sparse: PermitCatalogue = {
      ...catalogue,
      purposes: { tourism: { maxMonthsPerGrant: null }, investor: { maxMonthsPerGrant: 60 } },
    }
    expect(maxGrantMonths(sparse, 'short_term', null)).toBe(24)
    expect(maxGrantMonths(sparse, 'short_term', 'tourism')).toBe(24)
    expect(maxGrantMonths(sparse, 'short_term', 'business')).toBe(24)
    expect(maxGrantMonths(sparse, 'short_term', 'investor')).toBe(60)
  })

  it('follows the data when the law changes', () => {
    const twoYearFamily: PermitCatalogue = {
      ...catalogue,
      permitTypes: { ...catalogue.permitTypes, family: { maxMonthsPerGrant: 24 } },
    }
    expect(maxGrantMonths(twoYearFamily, 'family', null)).toBe(24)
  })
})

describe('checkRequestedMonths', () => {
  const startDate = '2026-03-01'
  const base = { catalogue, startDate, purpose: null }

  it('accepts up to the cap and refuses one month more', () => {
    expect(
      checkRequestedMonths({ ...base, permitType: 'short_term', purpose: 'tourism', months: 24 }),
    ).toEqual({ ok: true, months: 24 })
    expect(
      checkRequestedMonths({ ...base, permitType: 'short_term', purpose: 'tourism', months: 25 }),
    ).toEqual({ ok: false, reason: 'months_over_maximum', maxMonths: 24 })
    expect(checkRequestedMonths({ ...base, permitType: 'family', months: 36 })).toEqual({
      ok: true,
      months: 36,
    })
    expect(checkRequestedMonths({ ...base, permitType: 'family', months: 37 })).toEqual({
      ok: false,
      reason: 'months_over_maximum',
      maxMonths: 36,
    })
  })

  it('uses the purpose cap for short-term permits', () => {
    const investor = { ...base, permitType: 'short_term' as const, purpose: 'investor' as const }
    expect(checkRequestedMonths({ ...investor, months: 60 })).toEqual({ ok: true, months: 60 })
    expect(checkRequestedMonths({ ...investor, months: 61 })).toMatchObject({
      reason: 'months_over_maximum',
      maxMonths: 60,
    })
    const graduate = {
      ...base,
      permitType: 'short_term' as const,
      purpose: 'recent_graduate' as const,
    }
    expect(checkRequestedMonths({ ...graduate, months: 12 })).toEqual({ ok: true, months: 12 })
    expect(checkRequestedMonths({ ...graduate, months: 13 })).toMatchObject({
      reason: 'months_over_maximum',
      maxMonths: 12,
    })
  })

  it('has no cap for uncapped types', () => {
    expect(checkRequestedMonths({ ...base, permitType: 'student', months: 72 })).toEqual({
      ok: true,
      months: 72,
    })
  })

  it('refuses zero, negative, fractional and non-finite months', () => {
    for (const months of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(checkRequestedMonths({ ...base, permitType: 'short_term', months })).toEqual({
        ok: false,
        reason: 'months_not_positive',
      })
    }
    expect(checkRequestedMonths({ ...base, permitType: 'short_term', months: 1 })).toEqual({
      ok: true,
      months: 1,
    })
  })

  it('refuses staff-initiated types before anything else', () => {
    for (const permitType of ['humanitarian', 'trafficking_victim'] as const) {
      expect(checkRequestedMonths({ ...base, permitType, months: 1 })).toEqual({
        ok: false,
        reason: 'not_self_service',
      })
      expect(checkRequestedMonths({ ...base, permitType, months: 0 })).toMatchObject({
        reason: 'not_self_service',
      })
    }
  })

  it('lets staff open them, a year (humanitarian) or the 30-day first grant (trafficking)', () => {
    const staff = { ...base, openedByStaff: true }
    expect(checkRequestedMonths({ ...staff, permitType: 'humanitarian', months: 12 })).toEqual({
      ok: true,
      months: 12,
    })
    expect(checkRequestedMonths({ ...staff, permitType: 'humanitarian', months: 13 })).toEqual({
      ok: false,
      reason: 'months_over_maximum',
      maxMonths: 12,
    })
    expect(
      checkRequestedMonths({ ...staff, permitType: 'trafficking_victim', months: 2 }),
    ).toMatchObject({ reason: 'months_over_maximum', maxMonths: 1 })
    expect(
      checkRequestedMonths({ ...staff, permitType: 'trafficking_victim', months: 0 }),
    ).toMatchObject({ reason: 'months_not_positive' })
  })

  it('never lets a family permit end after the sponsor’s permit', () => {
    const family = { ...base, permitType: 'family' as const }
    // 2026-03-01 + 12 months ends on 2027-03-01.
    expect(
      checkRequestedMonths({ ...family, months: 12, sponsorPermitValidUntil: '2027-03-01' }),
    ).toEqual({ ok: true, months: 12 })
    expect(
      checkRequestedMonths({ ...family, months: 12, sponsorPermitValidUntil: '2027-02-28' }),
    ).toEqual({ ok: false, reason: 'family_beyond_sponsor', latestEndDate: '2027-02-28' })
    expect(
      checkRequestedMonths({ ...family, months: 11, sponsorPermitValidUntil: '2027-02-28' }),
    ).toEqual({ ok: true, months: 11 })
  })

  it('clamps the family end date at month end before comparing with the sponsor', () => {
    const family = { ...base, permitType: 'family' as const, startDate: '2026-01-31' }
    // 2026-01-31 + 1 month = 2026-02-28, not 3 March.
    expect(
      checkRequestedMonths({ ...family, months: 1, sponsorPermitValidUntil: '2026-02-28' }),
    ).toEqual({ ok: true, months: 1 })
    expect(
      checkRequestedMonths({ ...family, months: 1, sponsorPermitValidUntil: '2026-02-27' }),
    ).toMatchObject({ reason: 'family_beyond_sponsor' })
  })

  it('has no sponsor limit for a citizen sponsor, and none for other types', () => {
    expect(
      checkRequestedMonths({
        ...base,
        permitType: 'family',
        months: 36,
        sponsorPermitValidUntil: null,
      }),
    ).toEqual({ ok: true, months: 36 })
    expect(checkRequestedMonths({ ...base, permitType: 'family', months: 36 })).toEqual({
      ok: true,
      months: 36,
    })
    expect(
      checkRequestedMonths({
        ...base,
        permitType: 'short_term',
        months: 12,
        sponsorPermitValidUntil: '2026-04-01',
      }),
    ).toEqual({ ok: true, months: 12 })
  })

  it('reports the cap before the sponsor limit', () => {
    expect(
      checkRequestedMonths({
        ...base,
        permitType: 'family',
        months: 40,
        sponsorPermitValidUntil: '2026-04-01',
      }),
    ).toMatchObject({ reason: 'months_over_maximum' })
  })

  it('throws on a malformed start date', () => {
    expect(() =>
      checkRequestedMonths({ ...base, permitType: 'family', months: 12, startDate: '2026-02-30' }),
    ).toThrow(RangeError)
  })

  it('lists every reason once', () => {
    expect(new Set(REQUESTED_MONTHS_REASON_CODES).size).toBe(REQUESTED_MONTHS_REASON_CODES.length)
  })
})
