import { describe, expect, it } from 'vitest'
import {
  ageInYears,
  checklistFor,
  documentsTaskState,
  missingDocuments,
} from './document-checklist'

const today = '2026-06-15'
const draft = (formData: Record<string, unknown>, permitTypeCode = 'short_term') => ({
  kind: 'first' as const,
  permitTypeCode,
  purposeCode: null,
  formData,
})
const codes = (formData: Record<string, unknown>, permitTypeCode?: string) =>
  checklistFor(draft(formData, permitTypeCode), today).map((d) => d.code)

describe('ageInYears', () => {
  it('counts full years, the birthday itself included', () => {
    expect(ageInYears('2008-06-15', today)).toBe(18)
    expect(ageInYears('2008-06-16', today)).toBe(17)
    expect(ageInYears('1960-01-01', today)).toBe(66)
    expect(ageInYears('2026-06-15', today)).toBe(0)
  })

  it('counts a 29 February birthday on 1 March in other years', () => {
    expect(ageInYears('2008-02-29', '2026-02-28')).toBe(17)
    expect(ageInYears('2008-02-29', '2026-03-01')).toBe(18)
  })
})

describe('checklistFor', () => {
  it('uses the purpose answered in the permit task', () => {
    expect(codes({ permit: { purpose: 'tourism' } })).toContain('travel_plan')
    expect(codes({})).toContain('purpose_evidence')
    expect(codes({ permit: { purpose: 'not-a-purpose' } })).toContain('purpose_evidence')
  })

  it("follows the applicant's age from the date of birth", () => {
    expect(codes({ personal: { dateOfBirth: '2015-01-01' } })).toContain('parental_consent')
    expect(codes({ personal: { dateOfBirth: '1990-01-01' } })).not.toContain('parental_consent')
  })

  it('takes an adult while the date of birth is missing or unusable', () => {
    for (const dateOfBirth of [undefined, '', 'garbage', '2030-01-01']) {
      const list = checklistFor(draft({ personal: { dateOfBirth } }), today)
      expect(list.find((d) => d.code === 'health_insurance')?.optional).toBe(false)
      expect(list.map((d) => d.code)).not.toContain('birth_certificate')
    }
  })

  it('is empty for a permit type it does not know', () => {
    expect(codes({}, 'nonsense')).toEqual([])
  })
})

describe('task state', () => {
  const list = checklistFor(draft({ personal: { dateOfBirth: '2015-01-01' } }), today)
  const required = list.filter((d) => !d.optional).map((d) => d.code)

  it('is not started, in progress, then completed when every required item has a file', () => {
    expect(documentsTaskState(list, {})).toBe('not_started')
    expect(documentsTaskState(list, { health_insurance: 1 })).toBe('in_progress')
    const all = Object.fromEntries(required.map((c) => [c, 1]))
    expect(missingDocuments(list, all)).toEqual([])
    expect(documentsTaskState(list, all)).toBe('completed')
  })

  it('names the missing required items, never the optional ones', () => {
    expect(missingDocuments(list, {})).toEqual(required)
    expect(missingDocuments(list, {})).not.toContain('health_insurance')
  })
})
