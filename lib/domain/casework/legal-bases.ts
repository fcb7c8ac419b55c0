// Articles of Law 6458 a refusal may rest on, per permit type. Art. 7 (inadmissible
// foreigners) and art. 25 (refusal, non-extension, cancellation in general) apply to all; the
// type's own refusal article beside them. Article numbers as in domain.md §2–§3; the
// per-type refusal articles (33, 37, 41, 45, 47, 49) need confirming by a lawyer before use
// in production (domain.md §13).
import type { PermitTypeCode } from '../permits/permit-types'

export const LEGAL_BASES = [
  'art7_inadmissible',
  'art25_general',
  'art32_short_term_conditions',
  'art33_short_term_refusal',
  'art35_family_conditions',
  'art37_family_refusal',
  'art39_student_conditions',
  'art41_student_refusal',
  'art43_long_term_conditions',
  'art45_long_term_refusal',
  'art47_humanitarian',
  'art49_trafficking',
] as const
export type LegalBasis = (typeof LEGAL_BASES)[number]

const BY_TYPE: Record<PermitTypeCode, readonly LegalBasis[]> = {
  short_term: ['art32_short_term_conditions', 'art33_short_term_refusal'],
  family: ['art35_family_conditions', 'art37_family_refusal'],
  student: ['art39_student_conditions', 'art41_student_refusal'],
  long_term: ['art43_long_term_conditions', 'art45_long_term_refusal'],
  humanitarian: ['art47_humanitarian'],
  trafficking_victim: ['art49_trafficking'],
}

export function legalBasesFor(permitType: PermitTypeCode): LegalBasis[] {
  return ['art7_inadmissible', 'art25_general', ...BY_TYPE[permitType]]
}

export function isLegalBasisFor(permitType: PermitTypeCode, value: string): value is LegalBasis {
  return (legalBasesFor(permitType) as string[]).includes(value)
}

/** Days to bring the refusal before the administrative court (domain.md §5, §7). */
export const APPEAL_DAYS = 60
