import { randomBytes } from 'node:crypto'

// Shared by the integration tests: a fresh address per test and a complete set of answers.

export const testEmail = (tag: string) => `${tag}.${randomBytes(4).toString('hex')}@example.org`

export const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

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
