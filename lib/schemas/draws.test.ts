import { describe, expect, it } from 'vitest'
import {
  DRAW_ERRORS,
  drawChoicesSchema,
  errorCodeOf,
  releaseWindowFormSchema,
  releaseWindowValuesFrom,
} from './draws'

const key = '6f1c1d2e-8a55-4c55-9d0b-2f8f7a1e0c11'
const a = '0b7d3c1e-1111-4a55-9d0b-2f8f7a1e0c11'
const b = '0b7d3c1e-2222-4a55-9d0b-2f8f7a1e0c11'

describe('drawChoicesSchema', () => {
  it('keeps the chosen times in the order of the fields, skipping empty ones', () => {
    const parsed = drawChoicesSchema.parse({
      idempotencyKey: key,
      choice1: b,
      choice2: '',
      choice3: a,
      choice4: '',
      choice5: '',
    })
    expect(parsed).toEqual({ idempotencyKey: key, preferences: [b, a] })
  })

  it('answers with a message code for no choice, the same time twice, or a forged value', () => {
    const code = (input: Record<string, string>) => {
      const result = drawChoicesSchema.safeParse({ idempotencyKey: key, ...input })
      return result.success
        ? null
        : errorCodeOf(result.error, 'draws:errors.', DRAW_ERRORS, 'choice_invalid')
    }
    expect(code({ choice1: '' })).toBe('choice_required')
    expect(code({ choice1: a, choice2: a })).toBe('choice_twice')
    expect(code({ choice1: 'not-a-slot' })).toBe('choice_invalid')
    expect(code({ choice1: a, choice6: b })).toBe('choice_invalid')
  })
})

describe('releaseWindowFormSchema', () => {
  it('reads the opening and closing times as İstanbul clock times', () => {
    const parsed = releaseWindowFormSchema.parse({
      idempotencyKey: key,
      officeId: a,
      slotsFrom: '2026-12-07',
      slotsUntil: '2026-12-11',
      opensAt: '2026-11-30T09:00',
      closesAt: '2026-12-03T17:00:00',
    })
    expect(parsed.opensAt).toEqual(new Date('2026-11-30T06:00:00Z'))
    expect(parsed.closesAt).toEqual(new Date('2026-12-03T14:00:00Z'))
  })

  it('refuses impossible dates and times', () => {
    const base = {
      idempotencyKey: key,
      officeId: a,
      slotsFrom: '2026-12-07',
      slotsUntil: '2026-12-11',
      opensAt: '2026-11-30T09:00',
      closesAt: '2026-12-03T17:00',
    }
    expect(releaseWindowFormSchema.safeParse({ ...base, slotsFrom: '2026-02-30' }).success).toBe(
      false,
    )
    expect(
      releaseWindowFormSchema.safeParse({ ...base, opensAt: '2026-11-30T24:00' }).success,
    ).toBe(false)
    expect(releaseWindowFormSchema.safeParse({ ...base, closesAt: 'tomorrow' }).success).toBe(false)
  })
})

describe('releaseWindowValuesFrom', () => {
  it('carries back only well-formed values', () => {
    expect(
      releaseWindowValuesFrom({
        officeId: a,
        slotsFrom: '2026-12-07',
        slotsUntil: '<script>',
        opensAt: ['2026-11-30T09:00'],
        closesAt: '2026-12-03T17:00',
        error: 'x',
      }),
    ).toEqual({ officeId: a, slotsFrom: '2026-12-07', closesAt: '2026-12-03T17:00' })
  })
})
