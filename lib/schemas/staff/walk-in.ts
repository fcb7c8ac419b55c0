import { z } from 'zod'
import { isPermitTypeCode, PERMIT_TYPE_CODES } from '@/lib/domain/permits/permit-types'
import { isStaffOpenedPermitType } from '@/lib/domain/permits/staff-opened'
import {
  DATE_FIELDS,
  sectionFieldNames,
  sectionsFor,
  type SectionKey,
} from '../application/sections'
import { isoDate } from '../fields'

// A walk-in applicant registered by staff at the counter (issue 13): the questions of the
// online journey's start and of every task of the permit type, on one form. Each task is
// checked with the online journey's own schema (lib/schemas/application/sections.ts).

/** Staff may open every type, humanitarian and trafficking-victim files included (§3). */
export const walkInPermitTypeSchema = z.enum(PERMIT_TYPE_CODES, {
  error: 'validation:permitType.required',
})

/** The start question of a first application; staff-opened types do not depend on a stay. */
export const walkInEligibilitySchema = z.strictObject({ legalStayUntil: isoDate })

export function asksLegalStay(permitType: string): boolean {
  return isPermitTypeCode(permitType) && !isStaffOpenedPermitType(permitType)
}

/** Every date typed as three boxes on the walk-in form. */
export function walkInDateFields(permitType: string): string[] {
  return [
    ...(asksLegalStay(permitType) ? ['legalStayUntil'] : []),
    ...sectionsFor(permitType).flatMap((s) => [...DATE_FIELDS[s]]),
  ]
}

export type WalkInAnswers = {
  eligibility: Record<string, string>
  sections: Partial<Record<SectionKey, Record<string, string>>>
  unexpected: string[]
}

/** The typed fields, split into the start question and the tasks of the permit type. */
export function splitWalkInAnswers(permitType: string, raw: Record<string, string>): WalkInAnswers {
  const taken = new Set<string>()
  const pick = (names: readonly string[]) => {
    const out: Record<string, string> = {}
    for (const name of names) {
      taken.add(name)
      if (raw[name] !== undefined) out[name] = raw[name]
    }
    return out
  }
  const eligibility = asksLegalStay(permitType) ? pick(['legalStayUntil']) : {}
  const sections = Object.fromEntries(
    sectionsFor(permitType).map((s) => [s, pick(sectionFieldNames(s, permitType))]),
  )
  const unexpected = Object.keys(raw).filter((k) => !taken.has(k))
  return { eligibility, sections, unexpected }
}
