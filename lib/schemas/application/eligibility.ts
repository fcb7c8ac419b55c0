import { z } from 'zod'
import { isStaffOpenedPermitType } from '@/lib/domain/permits/staff-opened'
import { FAMILY_EXIT_GROUNDS } from '@/lib/domain/permits/type-changes'
import { isoDate } from '../fields'

// The questions asked before a draft exists; the answers decide whether one may start.

// Humanitarian and trafficking-victim permits are opened by the directorate only (domain.md
// §3, issue 13): asking for one online is told so, not just "choose a permit".
const selfServicePermitType = z.enum(['short_term', 'family', 'student', 'long_term'], {
  error: (issue) =>
    typeof issue.input === 'string' && isStaffOpenedPermitType(issue.input)
      ? 'validation:permitType.staffOnly'
      : 'validation:permitType.required',
})

export const firstApplicationEligibilitySchema = z.strictObject({
  permitType: selfServicePermitType,
  legalStayUntil: isoDate,
})

export const extensionEligibilitySchema = z.strictObject({
  permitId: z.uuid({ error: 'validation:permit.required' }),
})

export const transitionEligibilitySchema = z.strictObject({
  permitId: z.uuid({ error: 'validation:permit.required' }),
  permitType: selfServicePermitType,
  hasAdditionalGround: z.enum(['yes', 'no'], { error: 'validation:ground.required' }),
  groundEndedOn: isoDate.optional().or(z.literal('').transform(() => undefined)),
  // Only from a family permit to a short-term one (Reg. art. 34): on which ground.
  familyExitGround: z
    .enum(FAMILY_EXIT_GROUNDS, { error: 'validation:familyExitGround.invalid' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
})

export type FirstApplicationEligibility = z.infer<typeof firstApplicationEligibilitySchema>
export type ExtensionEligibility = z.infer<typeof extensionEligibilitySchema>
export type TransitionEligibility = z.infer<typeof transitionEligibilitySchema>
