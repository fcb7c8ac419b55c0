import { describe, expect, it } from 'vitest'
import trApp from '@/locales/tr/application.json' with { type: 'json' }
import trCommon from '@/locales/tr/common.json' with { type: 'json' }
import { registrationRows, type RegistrationFacts } from './registration-rows'

const facts: RegistrationFacts = {
  reference: 'E2K4-7PQR-9X',
  kind: 'first',
  permitTypeCode: 'short_term',
  purposeCode: 'tourism',
  status: 'awaiting_appointment',
  formData: {
    personal: {
      givenNames: 'Sara',
      surname: 'Ahmadi',
      dateOfBirth: '1990-03-27',
      nationality: 'IR',
    },
    passport: { passportNumber: 'K12345678' },
  },
  feeTotalKurus: 125_000,
  cardFeeKurus: 96_400,
  permitFeeKurus: 28_600,
  requestedMonths: 12,
  provinceName: 'Ankara',
  directorateName: 'Ankara İl Göç İdaresi Müdürlüğü',
  appointment: {
    startsAt: '2026-12-02T06:30:00.000Z',
    officeName: 'Çankaya',
    officeAddress: 'Atatürk Blv. 1',
  },
}

const byKey = (key: string) => registrationRows(facts).find((r) => r.key === key)!

describe('the registration form for Turkish staff', () => {
  it('gives every chosen value in Turkish as well as in the applicant language', () => {
    expect(byKey('registration.permitType').value('tr')).toBe(trCommon.permitType.short_term)
    expect(byKey('registration.kind').value('tr')).toBe(trCommon.kind.first)
    expect(byKey('registration.status').value('tr')).toBe(trCommon.status.awaiting_appointment)
    expect(byKey('fields.purpose.label').value('tr')).toBe(trApp.purposes.tourism)
    expect(byKey('fields.nationality.label').value('tr')).toBe('İran')
    expect(byKey('fields.nationality.label').value('fa')).toBe('ایران')
    for (const key of [
      'registration.permitType',
      'registration.kind',
      'registration.status',
      'fields.purpose.label',
    ])
      expect(byKey(key).value('fa')).not.toBe(byKey(key).value('tr'))
  })

  it('writes the appointment and the date of birth in the Gregorian calendar in both columns', () => {
    const fa = byKey('registration.appointment').value('fa')!
    const tr = byKey('registration.appointment').value('tr')!
    expect(tr).toContain('2 Aralık 2026')
    expect(tr).toContain('09:30')
    expect(fa).toContain('دسامبر')
    expect(fa).not.toContain('آذر')
    expect(byKey('fields.dateOfBirth.label').value('tr')).toBe('27 Mart 1990')
    expect(byKey('fields.dateOfBirth.label').value('fa')).not.toContain('۱۳۶۹')
  })

  it('shows names and numbers that read the same in every language once', () => {
    expect(byKey('registration.reference').value('fa')).toBe(
      byKey('registration.reference').value('tr'),
    )
    expect(byKey('registration.name').value('fa')).toBe('Sara Ahmadi')
  })

  // domain.md §8: the card fee and the permit fee are paid apart (bank codes 9207 and 9233).
  it('shows the card fee and the permit fee apart, and the total', () => {
    expect(byKey('check.feeCard').value('tr')).toMatch(/964/)
    expect(byKey('check.feePermit').value('tr')).toMatch(/286/)
    expect(byKey('registration.fee').value('tr')).toMatch(/1\.250/)
    const old = registrationRows({ ...facts, cardFeeKurus: null, permitFeeKurus: null })
    expect(old.find((r) => r.key === 'check.feeCard')!.value('tr')).toBeNull()
  })
})
