import type { SectionKey } from '@/lib/schemas/application/sections'

export type OptionSource =
  | 'nationalities'
  | 'provinces'
  | 'purposes'
  | 'insuranceTypes'
  | 'relationships'
  | 'citizenships'
  | 'studyLevels'
  | 'yesNo'

export type FieldDef = {
  name: string
  kind: 'text' | 'date' | 'select' | 'radios'
  autoComplete?: string
  inputMode?: 'text' | 'numeric' | 'tel'
  options?: OptionSource
  ltr?: boolean
  narrow?: boolean
}

// 11 digits: typed left to right in every language, and the numeric keypad on phones.
const IDENTITY_NUMBER = {
  kind: 'text',
  inputMode: 'numeric',
  ltr: true,
  autoComplete: 'off',
} as const satisfies Omit<FieldDef, 'name'>

// What each task asks, in order. Labels and hints come from locales/<lng>/application.json.
export const SECTION_FIELDS: Record<SectionKey, readonly FieldDef[]> = {
  personal: [
    { name: 'givenNames', kind: 'text', autoComplete: 'given-name' },
    { name: 'surname', kind: 'text', autoComplete: 'family-name' },
    { name: 'dateOfBirth', kind: 'date', autoComplete: 'bday' },
    { name: 'nationality', kind: 'select', options: 'nationalities' },
    { name: 'fatherName', kind: 'text' },
    { name: 'motherName', kind: 'text' },
    { name: 'phone', kind: 'text', autoComplete: 'tel', inputMode: 'tel', ltr: true },
    { name: 'foreignerIdNumber', ...IDENTITY_NUMBER },
  ],
  passport: [
    { name: 'passportNumber', kind: 'text', ltr: true, autoComplete: 'off' },
    { name: 'passportValidUntil', kind: 'date' },
    { name: 'entryDate', kind: 'date' },
  ],
  // Which of these a draft shows depends on its permit type (sectionFieldNames).
  permit: [
    { name: 'purpose', kind: 'radios', options: 'purposes' },
    { name: 'graduatedOn', kind: 'date' },
    { name: 'studyLevel', kind: 'radios', options: 'studyLevels' },
    { name: 'programmeEndsOn', kind: 'date' },
    { name: 'requestedMonths', kind: 'text', inputMode: 'numeric', narrow: true },
    { name: 'socialAssistance', kind: 'radios', options: 'yesNo' },
    { name: 'sufficientIncome', kind: 'radios', options: 'yesNo' },
    { name: 'excludedStatus', kind: 'radios', options: 'yesNo' },
  ],
  sponsor: [
    { name: 'relationship', kind: 'radios', options: 'relationships' },
    { name: 'sponsorGivenNames', kind: 'text' },
    { name: 'sponsorSurname', kind: 'text' },
    { name: 'sponsorCitizenship', kind: 'radios', options: 'citizenships' },
    { name: 'sponsorIdentityNumber', ...IDENTITY_NUMBER },
    // Asked of every sponsor, answered only for a foreigner: the hint says so, as for insurance.
    { name: 'sponsorPermitValidUntil', kind: 'date' },
    { name: 'sponsorPermitHeldSince', kind: 'date' },
    { name: 'sponsorMonthlyIncome', kind: 'text', inputMode: 'numeric', narrow: true, ltr: true },
    { name: 'familyMembers', kind: 'text', inputMode: 'numeric', narrow: true, ltr: true },
  ],
  address: [
    { name: 'provinceCode', kind: 'select', options: 'provinces' },
    { name: 'district', kind: 'text', autoComplete: 'address-level2' },
    { name: 'neighbourhood', kind: 'text', autoComplete: 'address-level3' },
    { name: 'street', kind: 'text', autoComplete: 'address-line1' },
    {
      name: 'postcode',
      kind: 'text',
      autoComplete: 'postal-code',
      inputMode: 'numeric',
      narrow: true,
      ltr: true,
    },
  ],
  insurance: [
    { name: 'insuranceType', kind: 'radios', options: 'insuranceTypes' },
    { name: 'provider', kind: 'text' },
    { name: 'policyNumber', kind: 'text', ltr: true },
    { name: 'validUntil', kind: 'date' },
  ],
}
