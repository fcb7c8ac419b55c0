import { describe, expect, it } from 'vitest'
import { fieldErrorsFrom } from '../form-state'
import { sponsorPermitLimit, sponsorSchema } from './sponsor'

const citizen = {
  relationship: 'spouse',
  sponsorGivenNames: 'Ayşe',
  sponsorSurname: 'Yılmaz',
  sponsorCitizenship: 'turkish_citizen',
  sponsorIdentityNumber: '10000000146',
  sponsorMonthlyIncome: '45000',
  familyMembers: '3',
}
// What the schema gives back: numbers as numbers.
const parsed = (input: Record<string, string>) => ({
  ...input,
  sponsorMonthlyIncome: Number(input.sponsorMonthlyIncome),
  familyMembers: Number(input.familyMembers),
})
const foreigner = {
  ...citizen,
  sponsorCitizenship: 'foreigner',
  sponsorIdentityNumber: '99123456740',
  sponsorPermitValidUntil: '2027-06-30',
  sponsorPermitHeldSince: '2022-01-15',
}

function errors(input: Record<string, string>) {
  const parsed = sponsorSchema.safeParse(input)
  return parsed.success ? {} : fieldErrorsFrom(parsed.error)
}

describe('sponsor schema', () => {
  it('takes a Turkish citizen with a valid T.C. Kimlik No and no permit date', () => {
    expect(sponsorSchema.parse(citizen)).toEqual(parsed(citizen))
  })

  it('takes a foreign sponsor with a 99-number and the end of their permit', () => {
    expect(sponsorSchema.parse(foreigner)).toEqual(parsed(foreigner))
  })

  it('normalises the number as typed: spaces, direction marks, Arabic and Persian digits', () => {
    const typed = { ...citizen, sponsorIdentityNumber: ' ١٠٠٠٠ ۰۰۰۱۴۶\u200f ' }
    expect(sponsorSchema.parse(typed).sponsorIdentityNumber).toBe('10000000146')
  })

  it('refuses a citizen number with wrong check digits, or a foreigner number for a citizen', () => {
    expect(errors({ ...citizen, sponsorIdentityNumber: '10000000147' })).toEqual({
      sponsorIdentityNumber: 'validation:identityNumber.invalid',
    })
    expect(errors({ ...citizen, sponsorIdentityNumber: '99123456740' })).toEqual({
      sponsorIdentityNumber: 'validation:identityNumber.foreignerNumber',
    })
  })

  it('checks only the format of a foreigner number; the check digits are a server setting', () => {
    expect(errors({ ...foreigner, sponsorIdentityNumber: '99123456741' })).toEqual({})
    expect(errors({ ...foreigner, sponsorIdentityNumber: '10000000146' })).toEqual({
      sponsorIdentityNumber: 'validation:foreignerId.invalid',
    })
    expect(errors({ ...foreigner, sponsorIdentityNumber: '9912345674' })).toEqual({
      sponsorIdentityNumber: 'validation:foreignerId.invalid',
    })
  })

  it("requires the end of a foreign sponsor's permit, as a real date", () => {
    expect(
      errors({ ...citizen, sponsorCitizenship: 'foreigner', sponsorIdentityNumber: '99123456740' }),
    ).toEqual({
      sponsorPermitValidUntil: 'validation:date.required',
      sponsorPermitHeldSince: 'validation:date.required',
    })
    expect(errors({ ...foreigner, sponsorPermitValidUntil: '' })).toEqual({
      sponsorPermitValidUntil: 'validation:date.required',
    })
    expect(errors({ ...foreigner, sponsorPermitValidUntil: '2027-02-30' })).toEqual({
      sponsorPermitValidUntil: 'validation:date.invalid',
    })
  })

  it('names each missing answer with its own message', () => {
    expect(errors({})).toEqual({
      relationship: 'validation:sponsor.relationship',
      sponsorGivenNames: 'validation:required',
      sponsorSurname: 'validation:required',
      sponsorCitizenship: 'validation:sponsor.citizenship',
      sponsorIdentityNumber: 'validation:required',
      sponsorMonthlyIncome: 'validation:sponsor.income',
      familyMembers: 'validation:sponsor.familyMembers',
    })
  })

  it('takes the income in whole lira and at least two family members (Reg. art. 31)', () => {
    expect(errors({ ...citizen, sponsorMonthlyIncome: '12.5' })).toEqual({
      sponsorMonthlyIncome: 'validation:sponsor.income',
    })
    expect(errors({ ...citizen, familyMembers: '1' })).toEqual({
      familyMembers: 'validation:sponsor.familyMembers',
    })
    expect(
      sponsorSchema.parse({ ...citizen, sponsorMonthlyIncome: '٤٥٠٠٠' }).sponsorMonthlyIncome,
    ).toBe(45000)
  })

  it('offers only the relatives the family permit covers, and refuses unknown fields', () => {
    expect(errors({ ...citizen, relationship: 'dependent_parent' })).toEqual({
      relationship: 'validation:sponsor.relationship',
    })
    expect(errors({ ...citizen, status: 'approved' })).toEqual({ _form: 'validation:unexpected' })
  })
})

describe('sponsorPermitLimit', () => {
  it("is the foreign sponsor's permit end, and nothing for a citizen or no answer", () => {
    expect(sponsorPermitLimit({ sponsor: foreigner })).toBe('2027-06-30')
    expect(
      sponsorPermitLimit({ sponsor: { ...citizen, sponsorPermitValidUntil: '2027-06-30' } }),
    ).toBeNull()
    expect(sponsorPermitLimit({})).toBeNull()
    expect(
      sponsorPermitLimit({ sponsor: { ...foreigner, sponsorPermitValidUntil: 'x' } }),
    ).toBeNull()
  })
})
