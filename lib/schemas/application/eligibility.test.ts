import { describe, expect, it } from 'vitest'
import { firstApplicationEligibilitySchema, transitionEligibilitySchema } from './eligibility'

describe('the online journey refuses staff-opened permits (issue 13)', () => {
  const issue = (permitType: unknown) => {
    const parsed = firstApplicationEligibilitySchema.safeParse({
      permitType,
      legalStayUntil: '2030-01-01',
    })
    return parsed.success ? null : parsed.error.issues[0]!.message
  }

  it('says a humanitarian or trafficking-victim permit is asked for at the directorate', () => {
    expect(issue('humanitarian')).toBe('validation:permitType.staffOnly')
    expect(issue('trafficking_victim')).toBe('validation:permitType.staffOnly')
    const transition = transitionEligibilitySchema.safeParse({
      permitId: crypto.randomUUID(),
      permitType: 'humanitarian',
      hasAdditionalGround: 'yes',
    })
    expect(transition.error?.issues[0]?.message).toBe('validation:permitType.staffOnly')
  })

  it('still asks to choose a permit for anything else', () => {
    expect(issue('tourist_visa')).toBe('validation:permitType.required')
    expect(issue(undefined)).toBe('validation:permitType.required')
    expect(issue('short_term')).toBeNull()
  })
})
