// The document checklist an applicant sees (domain brief §3 and §9). Only the items uploaded
// through the portal are listed: the signed form, the fee receipt and the means declaration
// come out of the application itself, and a criminal record for short-term permits is asked
// for only on request (a missing-documents step), so none of those appear here.
import type { ApplicationKind } from '../application-status'
import type { PermitTypeCode, ShortTermPurposeCode } from './permit-types'

/** 'photo' is the biometric portrait (checked for size and background); 'image' is a scan. */
export type DocumentAccept = 'photo' | 'pdf' | 'image'

// Every code the checklist can produce, so the UI can translate them all; the order here is
// also the order on the checklist.
export const DOCUMENT_CODES = [
  'passport_copy',
  'biometric_photo',
  'health_insurance',
  'proof_of_address',
  'previous_permit_card',
  'birth_certificate',
  'parental_consent',
  'marriage_or_birth_certificate',
  'sponsor_income_proof',
  'sponsor_criminal_record',
  'student_certificate',
  'previous_permits_list',
  'no_social_assistance_certificate',
  'income_proof',
  'criminal_record',
  'travel_plan',
  'title_deed',
  'business_documents',
  'hospital_letter',
  'course_enrolment',
  'purpose_evidence',
] as const
export type DocumentCode = (typeof DOCUMENT_CODES)[number]

export type DocumentRequirement = {
  code: DocumentCode
  accepts: DocumentAccept[]
  maxFiles: number
  optional: boolean
}

const SCAN: readonly DocumentAccept[] = ['pdf', 'image']

// File limits allow for the usual shapes: passport ID page plus stamped pages, a card's two
// sides, a foreign certificate with its apostille and sworn translation.
const SPECS: Record<DocumentCode, { accepts: readonly DocumentAccept[]; maxFiles: number }> = {
  passport_copy: { accepts: SCAN, maxFiles: 5 },
  // The desk wants printed photos (4 per the brief); online it is exactly one upload.
  biometric_photo: { accepts: ['photo'], maxFiles: 1 },
  health_insurance: { accepts: SCAN, maxFiles: 3 },
  proof_of_address: { accepts: SCAN, maxFiles: 3 },
  previous_permit_card: { accepts: SCAN, maxFiles: 2 },
  birth_certificate: { accepts: SCAN, maxFiles: 3 },
  parental_consent: { accepts: SCAN, maxFiles: 3 },
  marriage_or_birth_certificate: { accepts: SCAN, maxFiles: 5 },
  sponsor_income_proof: { accepts: SCAN, maxFiles: 5 },
  sponsor_criminal_record: { accepts: SCAN, maxFiles: 3 },
  student_certificate: { accepts: SCAN, maxFiles: 2 },
  previous_permits_list: { accepts: SCAN, maxFiles: 5 },
  no_social_assistance_certificate: { accepts: SCAN, maxFiles: 2 },
  income_proof: { accepts: SCAN, maxFiles: 5 },
  // Home country and Türkiye.
  criminal_record: { accepts: SCAN, maxFiles: 3 },
  travel_plan: { accepts: SCAN, maxFiles: 3 },
  title_deed: { accepts: SCAN, maxFiles: 3 },
  business_documents: { accepts: SCAN, maxFiles: 5 },
  hospital_letter: { accepts: SCAN, maxFiles: 3 },
  course_enrolment: { accepts: SCAN, maxFiles: 2 },
  purpose_evidence: { accepts: SCAN, maxFiles: 5 },
}

// Purposes with a document the brief names; every other purpose still has to be shown
// (art. 32), so it gets the generic `purpose_evidence`.
const PURPOSE_DOCUMENT: Partial<Record<ShortTermPurposeCode, DocumentCode>> = {
  tourism: 'travel_plan',
  property_owner: 'title_deed',
  business: 'business_documents',
  medical_treatment: 'hospital_letter',
  turkish_course: 'course_enrolment',
}

export const ADULT_AGE_YEARS = 18
/** Above this age (66 and older) insurance is optional; see `requiredDocuments`. */
export const INSURANCE_OPTIONAL_OVER_AGE_YEARS = 65

/**
 * Under 18 and over 65 need not obtain health insurance (domain.md §9, marked [C][U]). The
 * checklist and the insurance answer (lib/domain/permits/insurance.ts) share this one rule.
 */
export function isInsuranceOptional(ageYears: number): boolean {
  return ageYears < ADULT_AGE_YEARS || ageYears > INSURANCE_OPTIONAL_OVER_AGE_YEARS
}

/**
 * The ordered checklist: the common set, the previous card for extensions and transitions,
 * the minor's papers, then what the permit type or short-term purpose needs.
 *
 * Health insurance is optional under 18 and over 65. The brief marks that exemption
 * uncertain ([C][U], §9 and §13); it is kept optional rather than dropped so the upload is
 * still offered, and staff can still ask for it.
 *
 * Humanitarian and trafficking-victim cases get only the common set: their documents are
 * case-specific and the directorate asks for them.
 */
export function requiredDocuments(input: {
  kind: ApplicationKind
  permitType: PermitTypeCode
  purpose: ShortTermPurposeCode | null
  applicantAgeYears: number
}): DocumentRequirement[] {
  const { kind, permitType, purpose, applicantAgeYears: age } = input
  if (!Number.isSafeInteger(age) || age < 0) {
    throw new RangeError(`applicantAgeYears must be a non-negative integer: ${age}`)
  }
  const minor = age < ADULT_AGE_YEARS
  const insuranceOptional = isInsuranceOptional(age)

  const items: [DocumentCode, boolean][] = [
    ['passport_copy', false],
    ['biometric_photo', false],
    ['health_insurance', insuranceOptional],
    ['proof_of_address', false],
  ]
  if (kind === 'extension' || kind === 'transition') items.push(['previous_permit_card', false])
  if (minor) items.push(['birth_certificate', false], ['parental_consent', false])

  switch (permitType) {
    case 'short_term':
      items.push([(purpose && PURPOSE_DOCUMENT[purpose]) ?? 'purpose_evidence', false])
      break
    case 'family':
      // A child's birth certificate, already asked for above, is the proof of the relation.
      if (!minor) items.push(['marriage_or_birth_certificate', false])
      items.push(['sponsor_income_proof', false], ['sponsor_criminal_record', false])
      break
    case 'student':
      items.push(['student_certificate', false])
      break
    case 'long_term':
      items.push(
        ['previous_permits_list', false],
        ['no_social_assistance_certificate', false],
        ['income_proof', false],
        ['criminal_record', false],
      )
      break
    case 'humanitarian':
    case 'trafficking_victim':
      break
  }

  return items.map(([code, optional]) => ({
    code,
    accepts: [...SPECS[code].accepts],
    maxFiles: SPECS[code].maxFiles,
    optional,
  }))
}

/** What any checklist item takes, for a document staff ask for outside the usual list. */
export function requirementFor(code: DocumentCode): DocumentRequirement {
  return {
    code,
    accepts: [...SPECS[code].accepts],
    maxFiles: SPECS[code].maxFiles,
    optional: false,
  }
}
