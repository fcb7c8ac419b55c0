// The document checklist of one application, from what the draft says so far, and whether
// its documents task is done.
import type { ApplicationKind } from './application-status'
import { isIsoDate, parseIsoDate } from './permits/dates'
import {
  ADULT_AGE_YEARS,
  requiredDocuments,
  type DocumentCode,
  type DocumentRequirement,
} from './permits/documents'
import { isPermitTypeCode, isShortTermPurposeCode } from './permits/permit-types'

/** Full years between a birth date and `today` (both ISO); a 29 February birthday counts on 1 March. */
export function ageInYears(dateOfBirth: string, today: string): number {
  const born = parseIsoDate(dateOfBirth)
  const now = parseIsoDate(today)
  const hadBirthday = now.month > born.month || (now.month === born.month && now.day >= born.day)
  return Math.max(0, now.year - born.year - (hadBirthday ? 0 : 1))
}

export type ChecklistSource = {
  kind: ApplicationKind
  permitTypeCode: string
  purposeCode: string | null
  formData: Record<string, unknown>
}

const section = (formData: Record<string, unknown>, key: string) =>
  (formData[key] ?? {}) as Record<string, unknown>

/**
 * The checklist for a draft. The purpose is the one answered in the permit task (a first
 * application has none until then). Without a date of birth yet, the applicant is taken as an
 * adult: that list asks for insurance and no minor's papers, and it updates once the personal
 * details are saved.
 */
export function checklistFor(app: ChecklistSource, today: string): DocumentRequirement[] {
  if (!isPermitTypeCode(app.permitTypeCode)) return []
  const answered = section(app.formData, 'permit').purpose
  const purpose = typeof answered === 'string' ? answered : app.purposeCode
  const dateOfBirth = section(app.formData, 'personal').dateOfBirth
  const age =
    typeof dateOfBirth === 'string' && isIsoDate(dateOfBirth) && dateOfBirth <= today
      ? ageInYears(dateOfBirth, today)
      : ADULT_AGE_YEARS
  return requiredDocuments({
    kind: app.kind,
    permitType: app.permitTypeCode,
    purpose: purpose && isShortTermPurposeCode(purpose) ? purpose : null,
    applicantAgeYears: age,
  })
}

/** Required items that have no file yet. */
export function missingDocuments(
  checklist: readonly DocumentRequirement[],
  filesPerItem: Partial<Record<string, number>>,
): DocumentCode[] {
  return checklist.filter((d) => !d.optional && !filesPerItem[d.code]).map((d) => d.code)
}

/** Same three states as the other tasks: nothing uploaded, some, every required item. */
export function documentsTaskState(
  checklist: readonly DocumentRequirement[],
  filesPerItem: Partial<Record<string, number>>,
): 'not_started' | 'in_progress' | 'completed' {
  if (missingDocuments(checklist, filesPerItem).length === 0) return 'completed'
  const any = checklist.some((d) => (filesPerItem[d.code] ?? 0) > 0)
  return any ? 'in_progress' : 'not_started'
}
