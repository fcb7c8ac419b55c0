import { z } from 'zod'
import { FAMILY_EXIT_GROUNDS } from '@/lib/domain/permits/type-changes'
import { isoDate } from '../fields'

// The questions asked before a draft exists; the answers decide whether one may start.

export const firstApplicationEligibilitySchema = z.strictObject({
  permitType: z.enum(['short_term', 'family', 'student', 'long_term'], {
    error: 'validation:permitType.required',
  }),
  legalStayUntil: isoDate,
})

export const extensionEligibilitySchema = z.strictObject({
  permitId: z.uuid({ error: 'validation:permit.required' }),
})

export const transitionEligibilitySchema = z.strictObject({
  permitId: z.uuid({ error: 'validation:permit.required' }),
  permitType: z.enum(['short_term', 'family', 'student', 'long_term'], {
    error: 'validation:permitType.required',
  }),
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
