import { describe, expect, it } from 'vitest'
import { personalDetailsSchema, SECTION_KEYS, sectionsFor } from './sections'
import { allTasksComplete, taskProblems, taskStates, type TaskContext } from './task-list'

const personal = {
  givenNames: 'Jane',
  surname: 'Doe',
  dateOfBirth: '1990-03-27',
  nationality: 'GB',
  fatherName: 'John',
  motherName: 'Mary',
  phone: '+905321234567',
}
const answers = {
  personal,
  passport: {
    passportNumber: 'K1234567',
    passportValidUntil: '2030-01-01',
    entryDate: '2026-01-10',
  },
  permit: { requestedMonths: 12 },
  address: { provinceCode: 34, district: 'Kadıköy', neighbourhood: 'Moda', street: 'Bahariye 10' },
  insurance: { insuranceType: 'sgk' },
}
const foreignSponsor = {
  relationship: 'spouse',
  sponsorGivenNames: 'Ali',
  sponsorSurname: 'Khan',
  sponsorCitizenship: 'foreigner',
  sponsorIdentityNumber: '99123456740',
  sponsorPermitValidUntil: '2027-06-30',
  sponsorPermitHeldSince: '2022-01-15',
  sponsorMonthlyIncome: 45000,
  familyMembers: 3,
}
const family: TaskContext = { permitTypeCode: 'family', permitStartDate: '2026-03-01' }
const shortTerm: TaskContext = { permitTypeCode: 'short_term', permitStartDate: '2026-03-01' }

describe('sectionsFor', () => {
  it('gives the sponsor task to family permits only', () => {
    expect(sectionsFor('family')).toEqual([
      'personal',
      'passport',
      'permit',
      'sponsor',
      'address',
      'insurance',
    ])
    for (const type of ['short_term', 'student', 'long_term'])
      expect(sectionsFor(type)).not.toContain('sponsor')
    expect(SECTION_KEYS).toContain('sponsor')
  })
})

describe('taskStates', () => {
  it('lists the sponsor task for a family draft and needs it before everything is complete', () => {
    expect(taskStates(answers, family).find((t) => t.key === 'sponsor')).toEqual({
      key: 'sponsor',
      state: 'not_started',
    })
    expect(allTasksComplete(answers, family)).toBe(false)
    expect(allTasksComplete({ ...answers, sponsor: foreignSponsor }, family)).toBe(true)
    // Each type asks its own permit questions: a short-term permit also needs its purpose.
    expect(allTasksComplete(answers, shortTerm)).toBe(false)
    const tourist = { ...answers, permit: { purpose: 'tourism', requestedMonths: 12 } }
    expect(allTasksComplete(tourist, shortTerm)).toBe(true)
    expect(allTasksComplete(tourist, family)).toBe(false)
    expect(taskStates(answers, shortTerm).map((t) => t.key)).not.toContain('sponsor')
  })

  it("reopens the period when it ends after the foreign sponsor's permit", () => {
    // 2026-03-01 + 16 months = 2027-07-01, one day after the sponsor's permit ends.
    const tooLong = { ...answers, permit: { requestedMonths: 16 }, sponsor: foreignSponsor }
    expect(taskProblems(tooLong, family)).toEqual({
      permit: { requestedMonths: 'validation:months.family_beyond_sponsor' },
    })
    expect(taskStates(tooLong, family).find((t) => t.key === 'permit')?.state).toBe('in_progress')
    expect(allTasksComplete(tooLong, family)).toBe(false)
    const fits = { ...tooLong, permit: { requestedMonths: 15 } }
    expect(taskProblems(fits, family)).toEqual({})
    expect(allTasksComplete(fits, family)).toBe(true)
  })

  it('sets no limit for a Turkish citizen sponsor', () => {
    const citizen = {
      ...foreignSponsor,
      sponsorCitizenship: 'turkish_citizen',
      sponsorIdentityNumber: '10000000146',
      sponsorPermitValidUntil: undefined,
    }
    const data = { ...answers, permit: { requestedMonths: 36 }, sponsor: citizen }
    expect(taskProblems(data, family)).toEqual({})
    expect(allTasksComplete(data, family)).toBe(true)
  })
})

describe('the personal task', () => {
  it('takes an optional foreigner identity number, format only', () => {
    expect(personalDetailsSchema.parse(personal).foreignerIdNumber).toBeUndefined()
    expect(
      personalDetailsSchema.parse({ ...personal, foreignerIdNumber: '' }).foreignerIdNumber,
    ).toBeUndefined()
    expect(
      personalDetailsSchema.parse({ ...personal, foreignerIdNumber: '991 234 567 40' })
        .foreignerIdNumber,
    ).toBe('99123456740')
    // Wrong check digits pass the schema; the server decides by the checksum setting.
    expect(
      personalDetailsSchema.safeParse({ ...personal, foreignerIdNumber: '99123456741' }).success,
    ).toBe(true)
    const wrong = personalDetailsSchema.safeParse({ ...personal, foreignerIdNumber: '10000000146' })
    expect(wrong.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['foreignerIdNumber'], 'validation:foreignerId.invalid'],
    ])
  })
})

describe('the permit task per type (issue 12)', () => {
  const longTerm: TaskContext = { permitTypeCode: 'long_term', permitStartDate: '2026-03-01' }
  it('asks a long-term applicant no months (Law 6458 art. 42), but the declarations', () => {
    const declared = { socialAssistance: 'no', sufficientIncome: 'yes', excludedStatus: 'no' }
    expect(allTasksComplete({ ...answers, permit: declared }, longTerm)).toBe(true)
    expect(allTasksComplete({ ...answers, permit: { requestedMonths: 12 } }, longTerm)).toBe(false)
  })
  it('asks a student the level and the end of the programme', () => {
    const student: TaskContext = { permitTypeCode: 'student', permitStartDate: '2026-03-01' }
    const permit = {
      studyLevel: 'higher_education',
      programmeEndsOn: '2029-06-30',
      requestedMonths: 40,
    }
    expect(allTasksComplete({ ...answers, permit }, student)).toBe(true)
    expect(allTasksComplete(answers, student)).toBe(false)
  })
})
