import { describe, expect, it } from 'vitest'
import { callerActionSchema } from './caller-action'

describe('callerActionSchema', () => {
  it('takes the reference as people type it and the reason of the verification', () => {
    expect(callerActionSchema.parse({ reference: '5hp9 2rdm7l', reason: 'complaint' })).toEqual({
      reference: '5HP9-2RDM-7L',
      reason: 'complaint',
    })
  })

  it('refuses a wrong reason, a bad reference, and anything else, such as an address', () => {
    const accepted = (raw: unknown) => callerActionSchema.safeParse(raw).success
    expect(accepted({ reference: '5HP9-2RDM-7L', reason: 'curious' })).toBe(false)
    expect(accepted({ reference: '5HP9-2RDM-7M', reason: 'other' })).toBe(false)
    expect(accepted({ reference: '5HP9-2RDM-7L', reason: 'other', email: 'x@example.org' })).toBe(
      false,
    )
    expect(accepted({ reference: '5HP9-2RDM-7L', reason: 'other', applicationId: 'x' })).toBe(false)
  })
})
