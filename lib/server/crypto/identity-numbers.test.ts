import { describe, expect, it } from 'vitest'
import { isSealed } from './field-encryption'
import {
  openIdentityNumbers,
  passportHash,
  sealIdentityNumbers,
  sealSectionNumbers,
} from './identity-numbers'

const answers = {
  personal: { givenNames: 'Jane', foreignerIdNumber: '99123456740' },
  passport: { passportNumber: 'N1234567', passportValidUntil: '2030-01-01' },
  sponsor: { sponsorIdentityNumber: '99000000042' },
  prefill: {
    personal: { givenNames: 'Jane', foreignerIdNumber: '99123456740' },
    passport: { passportNumber: 'N7654321' },
  },
}

describe('identity numbers in stored answers (SECURITY.md PD-01, PD-02)', () => {
  it('keeps no clear number in the stored answers, and gives them back when opened', () => {
    const { formData, columns } = sealIdentityNumbers(answers)
    const stored = JSON.stringify(formData)
    for (const clear of ['99123456740', 'N1234567', '99000000042', 'N7654321'])
      expect(stored).not.toContain(clear)
    expect(formData.passport).toEqual({ passportValidUntil: '2030-01-01' })
    expect(isSealed(columns.passportNumberSealed!)).toBe(true)
    expect(columns.passportNumberHash).toBe(passportHash('n 123-4567'))
    expect(openIdentityNumbers(formData, columns)).toEqual(answers)
  })

  it('takes a task’s number into its columns, and clears them when the task no longer has one', () => {
    const saved = sealSectionNumbers('passport', answers.passport)
    expect(saved.values).toEqual({ passportValidUntil: '2030-01-01' })
    expect(saved.columns.passportNumberHash).toBe(passportHash('N1234567'))
    expect(sealSectionNumbers('personal', { givenNames: 'Jane' }).columns).toEqual({
      foreignerIdSealed: null,
      foreignerIdHash: null,
    })
    const sponsor = sealSectionNumbers('sponsor', answers.sponsor)
    expect(sponsor.columns).toEqual({})
    expect(isSealed(String(sponsor.values.sponsorIdentityNumber))).toBe(true)
    expect(sealSectionNumbers('address', { district: 'Fatih' }).values).toEqual({
      district: 'Fatih',
    })
  })
})
