import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  calculateFee,
  DEMO_FEE_TARIFF,
  DEMO_NATIONALITY_GROUPS,
  type FeeTariff,
  type NationalityGroups,
} from './fees'

const tariff: FeeTariff = {
  cardFeeKurus: 96_400,
  groups: {
    A: { exempt: false, firstMonthKurus: 10_000, perAdditionalMonthKurus: 2_500 },
    B: { exempt: false, firstMonthKurus: 7_001, perAdditionalMonthKurus: 1_999 },
    FREE: { exempt: true, firstMonthKurus: 10_000, perAdditionalMonthKurus: 2_500 },
    TL: { exempt: false, firstMonthKurus: 4_000, perAdditionalMonthKurus: 1_000 },
  },
  defaultGroup: 'TL',
}
const nationalityGroups: NationalityGroups = { US: 'A', GB: 'B', AZ: 'FREE' }
const fee = (nationality: string, months: number | null) =>
  calculateFee({ tariff, nationalityGroups, nationality, months })

describe('calculateFee', () => {
  it('charges the first month, then each further month', () => {
    expect(fee('US', 1)).toEqual({
      cardFeeKurus: 96_400,
      permitFeeKurus: 10_000,
      totalKurus: 106_400,
      group: 'A',
      exemption: null,
    })
    expect(fee('US', 2).permitFeeKurus).toBe(12_500)
    expect(fee('US', 12).permitFeeKurus).toBe(10_000 + 11 * 2_500)
    expect(fee('GB', 24)).toEqual({
      cardFeeKurus: 96_400,
      permitFeeKurus: 7_001 + 23 * 1_999,
      totalKurus: 96_400 + 7_001 + 23 * 1_999,
      group: 'B',
      exemption: null,
    })
  })

  it('charges exempt nationalities the card fee only, whatever the group amounts say', () => {
    expect(fee('AZ', 12)).toEqual({
      cardFeeKurus: 96_400,
      permitFeeKurus: 0,
      totalKurus: 96_400,
      group: 'FREE',
      exemption: 'nationality',
    })
  })

  it('uses the default group for countries outside the table', () => {
    expect(fee('BR', 3)).toEqual({
      cardFeeKurus: 96_400,
      permitFeeKurus: 6_000,
      totalKurus: 102_400,
      group: 'TL',
      exemption: null,
    })
  })

  it('reads the country code case-insensitively', () => {
    expect(fee('us', 1).group).toBe('A')
  })

  it('does not mistake Object.prototype for a country', () => {
    expect(fee('constructor', 1).group).toBe('TL')
    expect(fee('__proto__', 1).group).toBe('TL')
    // A table whose entries are inherited, not its own, does not count either.
    const inherited = Object.create({ US: 'A' }) as NationalityGroups
    expect(
      calculateFee({ tariff, nationalityGroups: inherited, nationality: 'US', months: 1 }).group,
    ).toBe('TL')
  })

  it('charges an indefinite (long-term) permit once, whatever the months (art. 42)', () => {
    expect(fee('US', null)).toEqual(fee('US', 1))
    expect(fee('AZ', null).permitFeeKurus).toBe(0)
  })

  it('refuses zero, negative and fractional months', () => {
    for (const months of [0, -1, 1.5, Number.NaN]) {
      expect(() => fee('US', months)).toThrow(RangeError)
    }
  })

  it('refuses a tariff that does not hold the group or has bad amounts', () => {
    expect(() =>
      calculateFee({ tariff, nationalityGroups: { US: 'Z' }, nationality: 'US', months: 1 }),
    ).toThrow(RangeError)
    expect(() =>
      calculateFee({
        tariff: { ...tariff, defaultGroup: 'missing' },
        nationalityGroups,
        nationality: 'BR',
        months: 1,
      }),
    ).toThrow(RangeError)
    expect(() =>
      calculateFee({
        tariff: { ...tariff, cardFeeKurus: 964.5 },
        nationalityGroups,
        nationality: 'US',
        months: 1,
      }),
    ).toThrow(RangeError)
    const negative: FeeTariff = {
      ...tariff,
      groups: {
        ...tariff.groups,
        A: { exempt: false, firstMonthKurus: -1, perAdditionalMonthKurus: 0 },
      },
    }
    expect(() =>
      calculateFee({ tariff: negative, nationalityGroups, nationality: 'US', months: 1 }),
    ).toThrow(RangeError)
  })

  it('ignores amounts on an exempt group, even bad ones', () => {
    const odd: FeeTariff = {
      ...tariff,
      groups: {
        ...tariff.groups,
        FREE: { exempt: true, firstMonthKurus: -5, perAdditionalMonthKurus: 0.5 },
      },
    }
    expect(
      calculateFee({ tariff: odd, nationalityGroups, nationality: 'AZ', months: 2 }).totalKurus,
    ).toBe(96_400)
  })
})

// domain.md §8: nationalities AND categories may pay no permit fee; nobody skips the card fee.
describe('calculateFee: exemption by category (§8)', () => {
  const exempt = (nationality: string, months: number) =>
    calculateFee({ tariff, nationalityGroups, nationality, months, categoryExempt: true })
  it('waives the permit fee of an exempt category for any nationality, never the card fee', () => {
    expect(exempt('US', 12)).toEqual({
      cardFeeKurus: 96_400,
      permitFeeKurus: 0,
      totalKurus: 96_400,
      group: 'A',
      exemption: 'category',
    })
    expect(exempt('BR', 3).exemption).toBe('category')
  })
  it('names the nationality when both exemptions apply', () => {
    expect(exempt('AZ', 3).exemption).toBe('nationality')
  })
  it('property: the card fee is always due, and total = card + permit', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('US', 'GB', 'AZ', 'BR', 'zz'),
        fc.integer({ min: 1, max: 120 }),
        fc.boolean(),
        (nationality, months, categoryExempt) => {
          const f = calculateFee({ tariff, nationalityGroups, nationality, months, categoryExempt })
          expect(f.cardFeeKurus).toBe(tariff.cardFeeKurus)
          expect(f.totalKurus).toBe(f.cardFeeKurus + f.permitFeeKurus)
          expect(f.permitFeeKurus === 0).toBe(f.exemption !== null)
          if (categoryExempt) expect(f.permitFeeKurus).toBe(0)
        },
      ),
    )
  })
})

describe('demonstration tariff', () => {
  it('has a card fee of 964 TL and consistent groups', () => {
    expect(DEMO_FEE_TARIFF.cardFeeKurus).toBe(96_400)
    expect(DEMO_FEE_TARIFF.groups).toHaveProperty(DEMO_FEE_TARIFF.defaultGroup)
    for (const group of Object.values(DEMO_NATIONALITY_GROUPS)) {
      expect(DEMO_FEE_TARIFF.groups).toHaveProperty(group)
    }
    for (const [code, g] of Object.entries(DEMO_FEE_TARIFF.groups)) {
      expect(Number.isSafeInteger(g.firstMonthKurus), code).toBe(true)
      expect(Number.isSafeInteger(g.perAdditionalMonthKurus), code).toBe(true)
    }
  })

  it('charges every demo nationality the card fee, and some nothing more', () => {
    const codes = [...Object.keys(DEMO_NATIONALITY_GROUPS), 'BR']
    const fees = codes.map((nationality) =>
      calculateFee({
        tariff: DEMO_FEE_TARIFF,
        nationalityGroups: DEMO_NATIONALITY_GROUPS,
        nationality,
        months: 12,
      }),
    )
    for (const f of fees) expect(f.cardFeeKurus).toBe(96_400)
    expect(fees.filter((f) => f.permitFeeKurus === 0).length).toBeGreaterThanOrEqual(2)
    expect(fees.at(-1)).toMatchObject({ group: 'TL', totalKurus: 96_400 + 40_000 + 11 * 10_000 })
  })
})
