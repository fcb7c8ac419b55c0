import { randomBytes } from 'node:crypto'
import { addDays } from '@/lib/domain/permits/dates'
import { toIstanbulWallTime } from '@/lib/domain/appointments/istanbul-time'

// Shared by the integration tests: a fresh address per test and a complete set of answers.

export const testEmail = (tag: string) => `${tag}.${randomBytes(4).toString('hex')}@example.org`

/**
 * A calendar day counted from today in Türkiye: the server's clocks run on that day, not UTC's.
 * Pure (no server-only import), since the end-to-end tests use it too.
 */
export const inDays = (days: number) => addDays(toIstanbulWallTime(new Date()).date, days)

/** Answers that pass every task of a first short-term (tourism) application, as a form sends them. */
export const COMPLETE_ANSWERS: Record<string, Record<string, string>> = {
  personal: {
    givenNames: 'Jane',
    surname: 'Doe',
    dateOfBirth: '1990-03-27',
    nationality: 'GB',
    fatherName: 'John',
    motherName: 'Mary',
    phone: '0532 123 45 67',
  },
  passport: { passportNumber: 'K1234567', passportValidUntil: inDays(900), entryDate: inDays(-20) },
  permit: { purpose: 'tourism', requestedMonths: '12' },
  address: {
    provinceCode: '34',
    district: 'Kadıköy',
    neighbourhood: 'Moda',
    street: 'Bahariye Cad. 10/3',
  },
  insurance: {
    insuranceType: 'private',
    provider: 'Sigorta A.Ş.',
    policyNumber: 'P-99',
    validUntil: inDays(400),
  },
}
