import { describe, expect, it } from 'vitest'
import { APPLICATION_KINDS } from '../application-status'
import { DOCUMENT_CODES, requiredDocuments, type DocumentCode } from './documents'
import { PERMIT_TYPE_CODES, SHORT_TERM_PURPOSE_CODES, type PermitTypeCode } from './permit-types'

const adult = { applicantAgeYears: 30, purpose: null }
const codes = (input: Parameters<typeof requiredDocuments>[0]) =>
  requiredDocuments(input).map((d) => d.code)
const find = (list: ReturnType<typeof requiredDocuments>, code: DocumentCode) =>
  list.find((d) => d.code === code)

describe('common set', () => {
  it('starts every checklist with passport, photo, insurance and address', () => {
    for (const kind of APPLICATION_KINDS) {
      for (const permitType of PERMIT_TYPE_CODES) {
        expect(codes({ ...adult, kind, permitType }).slice(0, 4)).toEqual([
          'passport_copy',
          'biometric_photo',
          'health_insurance',
          'proof_of_address',
        ])
      }
    }
  })

  it('takes exactly one biometric photo and scans for the rest', () => {
    const list = requiredDocuments({ ...adult, kind: 'first', permitType: 'student' })
    expect(find(list, 'biometric_photo')).toEqual({
      code: 'biometric_photo',
      accepts: ['photo'],
      maxFiles: 1,
      optional: false,
    })
    for (const item of list.filter((d) => d.code !== 'biometric_photo')) {
      expect(item.accepts, item.code).toEqual(['pdf', 'image'])
      expect(item.maxFiles, item.code).toBeGreaterThanOrEqual(1)
    }
  })

  it('asks for the previous card on extensions and transitions only', () => {
    expect(codes({ ...adult, kind: 'first', permitType: 'family' })).not.toContain(
      'previous_permit_card',
    )
    expect(codes({ ...adult, kind: 'extension', permitType: 'family' })).toContain(
      'previous_permit_card',
    )
    expect(codes({ ...adult, kind: 'transition', permitType: 'family' })).toContain(
      'previous_permit_card',
    )
  })
})

describe('age', () => {
  const insurance = (applicantAgeYears: number) =>
    find(
      requiredDocuments({ kind: 'first', permitType: 'student', purpose: null, applicantAgeYears }),
      'health_insurance',
    )?.optional

  it('makes insurance optional under 18 and over 65 only', () => {
    expect(insurance(0)).toBe(true)
    expect(insurance(17)).toBe(true)
    expect(insurance(18)).toBe(false)
    expect(insurance(65)).toBe(false)
    expect(insurance(66)).toBe(true)
    expect(insurance(90)).toBe(true)
  })

  it('asks minors for a birth certificate and parental consent', () => {
    const base = { kind: 'first' as const, permitType: 'short_term' as const, purpose: null }
    expect(codes({ ...base, applicantAgeYears: 17 })).toEqual([
      'passport_copy',
      'biometric_photo',
      'health_insurance',
      'proof_of_address',
      'birth_certificate',
      'parental_consent',
      'purpose_evidence',
    ])
    const at18 = codes({ ...base, applicantAgeYears: 18 })
    expect(at18).not.toContain('birth_certificate')
    expect(at18).not.toContain('parental_consent')
  })

  it('refuses a negative or fractional age', () => {
    for (const applicantAgeYears of [-1, 17.5, Number.NaN]) {
      expect(() =>
        requiredDocuments({
          kind: 'first',
          permitType: 'family',
          purpose: null,
          applicantAgeYears,
        }),
      ).toThrow(RangeError)
    }
  })
})

describe('short-term purposes', () => {
  const purposeDoc = (purpose: (typeof SHORT_TERM_PURPOSE_CODES)[number] | null) =>
    codes({ kind: 'first', permitType: 'short_term', purpose, applicantAgeYears: 30 }).slice(4)

  it('asks for the document each named purpose needs', () => {
    expect(purposeDoc('tourism')).toEqual(['travel_plan'])
    expect(purposeDoc('property_owner')).toEqual(['title_deed'])
    expect(purposeDoc('business')).toEqual(['business_documents'])
    expect(purposeDoc('medical_treatment')).toEqual(['hospital_letter'])
    expect(purposeDoc('turkish_course')).toEqual(['course_enrolment'])
  })

  it('asks for generic purpose evidence otherwise', () => {
    const named = ['tourism', 'property_owner', 'business', 'medical_treatment', 'turkish_course']
    for (const purpose of SHORT_TERM_PURPOSE_CODES.filter((p) => !named.includes(p))) {
      expect(purposeDoc(purpose), purpose).toEqual(['purpose_evidence'])
    }
    expect(purposeDoc(null)).toEqual(['purpose_evidence'])
  })

  it('ignores the purpose for other permit types', () => {
    expect(
      codes({ kind: 'first', permitType: 'student', purpose: 'tourism', applicantAgeYears: 30 }),
    ).not.toContain('travel_plan')
  })
})

describe('permit types', () => {
  const typeDocs = (permitType: PermitTypeCode, applicantAgeYears = 30) =>
    codes({ kind: 'first', permitType, purpose: null, applicantAgeYears }).slice(4)

  it('family: relationship, sponsor income and sponsor criminal record', () => {
    expect(typeDocs('family')).toEqual([
      'marriage_or_birth_certificate',
      'sponsor_income_proof',
      'sponsor_criminal_record',
    ])
  })

  it('family child: the birth certificate stands for the relationship proof', () => {
    expect(typeDocs('family', 10)).toEqual([
      'birth_certificate',
      'parental_consent',
      'sponsor_income_proof',
      'sponsor_criminal_record',
    ])
  })

  it('student: the student certificate', () => {
    expect(typeDocs('student')).toEqual(['student_certificate'])
  })

  it('long-term: previous permits, no social assistance, income and criminal record', () => {
    expect(typeDocs('long_term')).toEqual([
      'previous_permits_list',
      'no_social_assistance_certificate',
      'income_proof',
      'criminal_record',
    ])
  })

  it('staff-initiated types: the common set only', () => {
    expect(typeDocs('humanitarian')).toEqual([])
    expect(typeDocs('trafficking_victim')).toEqual([])
  })

  it('a long-term transition, in full', () => {
    expect(
      requiredDocuments({
        kind: 'transition',
        permitType: 'long_term',
        purpose: null,
        applicantAgeYears: 70,
      }),
    ).toEqual([
      { code: 'passport_copy', accepts: ['pdf', 'image'], maxFiles: 5, optional: false },
      { code: 'biometric_photo', accepts: ['photo'], maxFiles: 1, optional: false },
      { code: 'health_insurance', accepts: ['pdf', 'image'], maxFiles: 3, optional: true },
      { code: 'proof_of_address', accepts: ['pdf', 'image'], maxFiles: 3, optional: false },
      { code: 'previous_permit_card', accepts: ['pdf', 'image'], maxFiles: 2, optional: false },
      { code: 'previous_permits_list', accepts: ['pdf', 'image'], maxFiles: 5, optional: false },
      {
        code: 'no_social_assistance_certificate',
        accepts: ['pdf', 'image'],
        maxFiles: 2,
        optional: false,
      },
      { code: 'income_proof', accepts: ['pdf', 'image'], maxFiles: 5, optional: false },
      { code: 'criminal_record', accepts: ['pdf', 'image'], maxFiles: 3, optional: false },
    ])
  })
})

describe('every checklist', () => {
  const all = APPLICATION_KINDS.flatMap((kind) =>
    PERMIT_TYPE_CODES.flatMap((permitType) =>
      [null, ...SHORT_TERM_PURPOSE_CODES].flatMap((purpose) =>
        [5, 17, 18, 40, 65, 66].map((applicantAgeYears) => ({
          kind,
          permitType,
          purpose,
          applicantAgeYears,
        })),
      ),
    ),
  )

  it('has no duplicates and follows the order of DOCUMENT_CODES', () => {
    for (const input of all) {
      const list = codes(input)
      expect(new Set(list).size).toBe(list.length)
      const positions = list.map((c) => DOCUMENT_CODES.indexOf(c))
      expect(positions).toEqual([...positions].sort((a, b) => a - b))
    }
  })

  it('uses every listed code somewhere, and only listed codes', () => {
    const used = new Set(all.flatMap(codes))
    expect([...used].sort()).toEqual([...DOCUMENT_CODES].sort())
    expect(DOCUMENT_CODES.every((c) => /^[a-z]+(_[a-z]+)*$/.test(c))).toBe(true)
  })

  it('hands out copies, so a caller cannot change the next checklist', () => {
    const input = { kind: 'first' as const, permitType: 'student' as const, ...adult }
    requiredDocuments(input)[0]!.accepts.push('photo')
    expect(requiredDocuments(input)[0]!.accepts).toEqual(['pdf', 'image'])
  })
})
