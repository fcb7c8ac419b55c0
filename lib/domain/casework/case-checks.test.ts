import { describe, expect, it } from 'vitest'
import { caseChecks, type CaseCheckInput } from './case-checks'

const input: CaseCheckInput = {
  catalogue: {
    permitTypes: {
      short_term: { maxMonthsPerGrant: 24 },
      family: { maxMonthsPerGrant: 36 },
      student: { maxMonthsPerGrant: null },
      long_term: { maxMonthsPerGrant: null },
      humanitarian: { maxMonthsPerGrant: 12 },
      trafficking_victim: { maxMonthsPerGrant: 6 },
    },
    purposes: {},
  },
  permitType: 'short_term',
  purpose: 'tourism',
  startDate: '2026-12-02',
  months: 12,
  passportValidUntil: '2028-06-01',
  sponsorLimit: null,
  feesPaid: true,
  documentsReceived: false,
}

const byCode = (i: CaseCheckInput) => Object.fromEntries(caseChecks(i).map((c) => [c.code, c.ok]))

describe('case checks', () => {
  it('shows each rule as passed or failed', () => {
    expect(byCode(input)).toEqual({
      passport_validity: true,
      requested_months: true,
      fee_paid: true,
      documents_received: false,
    })
  })

  it('fails a passport that ends within 60 days of the permit', () => {
    expect(byCode({ ...input, passportValidUntil: '2028-01-15' }).passport_validity).toBe(false)
    expect(byCode({ ...input, passportValidUntil: null }).passport_validity).toBe(false)
  })

  it('fails a period over the cap and a family permit beyond the sponsor', () => {
    expect(byCode({ ...input, months: 30 }).requested_months).toBe(false)
    const family = {
      ...input,
      permitType: 'family' as const,
      purpose: null,
      sponsorLimit: '2027-06-01',
    }
    expect(byCode(family).sponsor_limit).toBe(false)
    expect(byCode({ ...family, months: 5 }).sponsor_limit).toBe(true)
  })
})
