import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDays, addMonths, fromEpochDay, toEpochDay } from './dates'
import {
  checkLongTermEligibility,
  LONG_TERM_REASON_CODES,
  wholeMonthsCounted,
  type PermitPeriod,
} from './long-term'

const today = '2026-03-01'
const fine = {
  today,
  receivedSocialAssistanceInLast3Years: false,
  hasSufficientIncome: true,
  hasHealthInsurance: true,
  holdsExcludedStatus: false,
}
const check = (
  permits: PermitPeriod[],
  extra: Partial<typeof fine> & { maxGapDays?: number } = {},
) => checkLongTermEligibility({ ...fine, permits, ...extra })

describe('eight years counted back from today', () => {
  it('needs the 2922 days from 2018-03-01 to 2026-02-28', () => {
    const result = check([{ type: 'short_term', from: '2018-03-01', until: '2027-01-01' }])
    expect(result).toEqual({
      eligible: true,
      reasons: [],
      countedYears: 8,
      countedDays: 2922,
      requiredDays: 2922,
    })
  })

  it('is one day short when the permits start a day later', () => {
    const result = check([{ type: 'short_term', from: '2018-03-02', until: '2027-01-01' }])
    expect(result.eligible).toBe(false)
    expect(result.reasons).toEqual(['not_enough_years'])
    expect(result.countedDays).toBe(2921)
    expect(result.countedYears).toBe(7.99)
  })

  it('qualifies the next day with the same permits', () => {
    const result = checkLongTermEligibility({
      ...fine,
      today: '2026-03-02',
      permits: [{ type: 'short_term', from: '2018-03-02', until: '2027-01-01' }],
    })
    expect(result.eligible).toBe(true)
  })

  it('does not count today or days after it', () => {
    const result = check([{ type: 'family', from: '2025-03-01', until: '2030-01-01' }])
    // 2025-03-01 .. 2026-02-28 is 365 days.
    expect(result.countedDays).toBe(365)
    expect(check([{ type: 'family', from: today, until: '2030-01-01' }]).countedDays).toBe(0)
    expect(check([{ type: 'family', from: '2026-06-01', until: '2030-01-01' }]).countedDays).toBe(0)
  })

  it('chains consecutive permits, sharing or following the expiry day', () => {
    const sharing = check([
      { type: 'short_term', from: '2018-03-01', until: '2020-03-01' },
      { type: 'family', from: '2020-03-01', until: '2023-03-01' },
      { type: 'short_term', from: '2023-03-01', until: '2027-03-01' },
    ])
    expect(sharing.eligible).toBe(true)
    expect(sharing.countedDays).toBe(2922)
    const following = check([
      { type: 'short_term', from: '2018-03-01', until: '2020-02-29' },
      { type: 'family', from: '2020-03-01', until: '2027-03-01' },
    ])
    expect(following.eligible).toBe(true)
  })

  it('accepts the permits in any order', () => {
    const result = check([
      { type: 'family', from: '2020-03-01', until: '2027-03-01' },
      { type: 'short_term', from: '2018-03-01', until: '2020-02-29' },
    ])
    expect(result.eligible).toBe(true)
  })

  it('needs no permits to answer', () => {
    expect(check([])).toEqual({
      eligible: false,
      reasons: ['not_enough_years'],
      countedYears: 0,
      countedDays: 0,
      requiredDays: 2922,
    })
  })

  it('uses the calendar length of the eight years', () => {
    // 2021-03-01 .. 2029-02-28 holds two leap days (2024, 2028).
    const result = checkLongTermEligibility({ ...fine, today: '2029-03-01', permits: [] })
    expect(result.requiredDays).toBe(2922)
    // 2096-03-01 .. 2104-02-29 holds one leap day: 2100 is not a leap year, 2104 is.
    expect(
      checkLongTermEligibility({ ...fine, today: '2104-03-01', permits: [] }).requiredDays,
    ).toBe(2921)
  })
})

describe('student time counts half', () => {
  // Six years of short-term permit before today: 2020-03-01 .. 2026-02-28 = 2191 days;
  // 731 more are needed, i.e. 1462 student days.
  const shortTerm: PermitPeriod = { type: 'short_term', from: '2020-03-01', until: '2027-01-01' }

  it('qualifies with exactly twice the missing days as a student', () => {
    const result = check([{ type: 'student', from: '2016-02-29', until: '2020-02-29' }, shortTerm])
    expect(result.countedDays).toBe(2191 + 731)
    expect(result.eligible).toBe(true)
  })

  it('falls half a day short with one student day less', () => {
    const result = check([{ type: 'student', from: '2016-03-01', until: '2020-02-29' }, shortTerm])
    expect(result.countedDays).toBe(2921.5)
    expect(result.reasons).toEqual(['not_enough_years'])
  })

  it('needs sixteen years on student permits alone', () => {
    expect(check([{ type: 'student', from: '2018-03-01', until: '2027-01-01' }]).countedDays).toBe(
      1461,
    )
    const sixteen = check([{ type: 'student', from: '2010-03-01', until: '2027-01-01' }])
    expect(sixteen.countedDays).toBe(2922)
    expect(sixteen.eligible).toBe(true)
  })

  it('counts a day in full when a student also holds a family permit', () => {
    const result = check([
      { type: 'student', from: '2018-03-01', until: '2027-01-01' },
      { type: 'family', from: '2018-03-01', until: '2027-01-01' },
    ])
    expect(result.countedDays).toBe(2922)
    expect(result.eligible).toBe(true)
  })
})

describe('interruptions', () => {
  const before: PermitPeriod = { type: 'short_term', from: '2017-01-01', until: '2022-02-28' }

  it('breaks the chain on a single day without a permit', () => {
    const result = check([before, { type: 'short_term', from: '2022-03-02', until: '2027-01-01' }])
    expect(result.eligible).toBe(false)
    expect(result.reasons).toEqual(['not_enough_years', 'interrupted_residence'])
    // Only the time after the gap: 2022-03-02 .. 2026-02-28.
    expect(result.countedDays).toBe(1460)
  })

  it('tolerates a gap up to maxGapDays, without counting the gap days', () => {
    const after: PermitPeriod = { type: 'short_term', from: '2022-03-02', until: '2027-01-01' }
    const oneDay = check([before, after], { maxGapDays: 1 })
    expect(oneDay.eligible).toBe(true)
    // 2017-01-01 .. 2026-02-28 is 3346 days, less the gap day 2022-03-01.
    expect(oneDay.countedDays).toBe(3345)
    const threeDays = [before, { ...after, from: '2022-03-04' }]
    expect(check(threeDays, { maxGapDays: 2 }).reasons).toContain('interrupted_residence')
    expect(check(threeDays, { maxGapDays: 3 }).eligible).toBe(true)
  })

  it('does not mention the interruption when enough time came after it', () => {
    const result = check([
      { type: 'short_term', from: '2010-01-01', until: '2015-01-01' },
      { type: 'short_term', from: '2017-01-01', until: '2027-01-01' },
    ])
    expect(result).toMatchObject({ eligible: true, reasons: [] })
  })

  it('breaks the chain when the permit ran out before today', () => {
    const result = check([{ type: 'short_term', from: '2010-01-01', until: '2026-02-27' }])
    expect(result.reasons).toEqual(['not_enough_years', 'interrupted_residence'])
    expect(result.countedDays).toBe(0)
  })

  it('counts a permit that expired yesterday (the timing rules catch the expiry)', () => {
    expect(check([{ type: 'short_term', from: '2010-01-01', until: '2026-02-28' }]).eligible).toBe(
      true,
    )
  })

  it('counts no humanitarian time and treats it as a break', () => {
    const result = check([
      { type: 'short_term', from: '2016-01-01', until: '2020-01-01' },
      { type: 'humanitarian', from: '2020-01-01', until: '2021-01-01' },
      { type: 'short_term', from: '2021-01-02', until: '2027-01-01' },
    ])
    expect(result.reasons).toEqual(['not_enough_years', 'interrupted_residence'])
  })

  it('counts trafficking-victim permit time in full', () => {
    expect(
      check([{ type: 'trafficking_victim', from: '2018-03-01', until: '2027-01-01' }]).eligible,
    ).toBe(true)
  })
})

describe('other conditions', () => {
  const enough: PermitPeriod[] = [{ type: 'short_term', from: '2015-01-01', until: '2027-01-01' }]

  it('reports each failed condition', () => {
    expect(check(enough, { receivedSocialAssistanceInLast3Years: true }).reasons).toEqual([
      'social_assistance',
    ])
    expect(check(enough, { hasSufficientIncome: false }).reasons).toEqual(['no_income'])
    expect(check(enough, { hasHealthInsurance: false }).reasons).toEqual(['no_insurance'])
    expect(check(enough, { holdsExcludedStatus: true }).reasons).toEqual(['excluded_status'])
  })

  it('reports them all, in a fixed order', () => {
    const result = check(
      [
        { type: 'short_term', from: '2015-01-01', until: '2020-01-01' },
        { type: 'short_term', from: '2020-01-03', until: '2027-01-01' },
      ],
      {
        receivedSocialAssistanceInLast3Years: true,
        hasSufficientIncome: false,
        hasHealthInsurance: false,
        holdsExcludedStatus: true,
      },
    )
    expect(result.eligible).toBe(false)
    expect(result.reasons).toEqual([...LONG_TERM_REASON_CODES])
  })

  it('excludes a current humanitarian permit holder', () => {
    const result = check([...enough, { type: 'humanitarian', from: '2026-02-01', until: today }])
    expect(result.reasons).toEqual(['excluded_status'])
    const ended = check([
      ...enough,
      { type: 'humanitarian', from: '2016-01-01', until: '2016-06-01' },
    ])
    expect(ended.eligible).toBe(true)
  })
})

describe('input checks', () => {
  it('refuses a permit that ends before it starts, and bad parameters', () => {
    expect(() => check([{ type: 'family', from: '2020-01-02', until: '2020-01-01' }])).toThrow(
      RangeError,
    )
    expect(() => check([], { maxGapDays: -1 })).toThrow(RangeError)
    expect(() => checkLongTermEligibility({ ...fine, permits: [], requiredYears: 0 })).toThrow(
      RangeError,
    )
    expect(() => check([{ type: 'family', from: '2020-02-30', until: '2021-01-01' }])).toThrow(
      RangeError,
    )
  })

  it('accepts a one-day permit', () => {
    expect(check([{ type: 'family', from: '2026-02-28', until: '2026-02-28' }]).countedDays).toBe(1)
  })

  it('honours another required period', () => {
    const result = checkLongTermEligibility({
      ...fine,
      requiredYears: 5,
      permits: [{ type: 'short_term', from: '2021-03-01', until: '2027-01-01' }],
    })
    expect(result.requiredDays).toBe(1826)
    expect(result.eligible).toBe(true)
  })
})

describe('wholeMonthsCounted (for "7 years and 11 months")', () => {
  it('says 95 months for permits since the same day 95 months ago', () => {
    const from = addMonths(today, -95)
    const { countedDays } = check([{ type: 'short_term', from, until: '2027-01-01' }])
    expect(wholeMonthsCounted(today, countedDays)).toBe(95)
    expect(wholeMonthsCounted(today, countedDays - 1)).toBe(94)
  })

  it('is m for a permit run starting exactly m months back, across month ends (property)', () => {
    const day = fc
      .integer({ min: toEpochDay('2010-01-01'), max: toEpochDay('2060-12-31') })
      .map(fromEpochDay)
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 120 }), (t, m) => {
        const days = toEpochDay(t) - toEpochDay(addMonths(t, -m))
        expect(wholeMonthsCounted(t, days)).toBe(m)
        expect(wholeMonthsCounted(addDays(t, 0), days - 1)).toBe(Math.max(0, m - 1))
      }),
    )
  })
})
