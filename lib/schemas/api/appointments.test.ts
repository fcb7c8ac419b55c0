import { describe, expect, it } from 'vitest'
import { freeSlotsQuerySchema, slotChoiceSchema } from './appointments'

describe('appointment request schemas', () => {
  it('takes a sensible first day only', () => {
    expect(freeSlotsQuerySchema.safeParse({ from: '2026-12-01' }).success).toBe(true)
    expect(freeSlotsQuerySchema.safeParse({}).success).toBe(true)
    for (const from of ['0000-01-01', '0001-01-01', '9999-12-31', '2026-02-30', '2026-1-1'])
      expect(freeSlotsQuerySchema.safeParse({ from }).success, from).toBe(false)
  })

  it('takes a slot id and nothing else', () => {
    expect(slotChoiceSchema.safeParse({ slotId: 'not-a-uuid' }).success).toBe(false)
    expect(
      slotChoiceSchema.safeParse({
        slotId: '6f1c1a52-6f1b-4b7e-9a55-0b0c8b2b8f11',
        status: 'confirmed',
      }).success,
    ).toBe(false)
  })
})
