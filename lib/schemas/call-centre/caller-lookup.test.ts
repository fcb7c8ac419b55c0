import { describe, expect, it } from 'vitest'
import { callerLookupFormSchema, callerLookupSchema } from './caller-lookup'

const REFERENCE = '5HP9-2RDM-7L'
const base = {
  reference: REFERENCE,
  dateOfBirth: '1990-03-27',
  passportLastFour: '4567',
  reason: 'status_question',
}

function errorsOf(raw: unknown) {
  const r = callerLookupSchema.safeParse(raw)
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`)
}

describe('callerLookupSchema', () => {
  it('accepts the three details and a reason, the reference as people type it', () => {
    const parsed = callerLookupSchema.parse({ ...base, reference: '5hp9 2rdm7l', speak: 'ru' })
    expect(parsed).toEqual({ ...base, speak: 'ru' })
  })

  it('normalises the last four: Persian digits, spaces, lower case', () => {
    expect(
      callerLookupSchema.parse({ ...base, passportLastFour: ' ۴۵ ۶۷ ' }).passportLastFour,
    ).toBe('4567')
    expect(callerLookupSchema.parse({ ...base, passportLastFour: 'ab12' }).passportLastFour).toBe(
      'AB12',
    )
  })

  it('refuses each bad field with its own translated key', () => {
    expect(errorsOf({ ...base, passportLastFour: '45678' })).toEqual([
      'passportLastFour:callcentre:errors.passportLastFour',
    ])
    expect(errorsOf({ ...base, reason: 'curious' })).toEqual(['reason:callcentre:errors.reason'])
    expect(errorsOf({ ...base, reference: '5HP9-2RDM-7M' })).toEqual([
      'reference:callcentre:errors.reference',
    ])
    expect(errorsOf({ ...base, speak: 'de' })).toEqual(['speak:callcentre:errors.speak'])
    expect(errorsOf({ ...base, passport: 'K1234567' })).toHaveLength(1)
  })

  it('joins the three date boxes, in Arabic-Indic digits too', () => {
    const parsed = callerLookupFormSchema.parse({
      reference: base.reference,
      passportLastFour: base.passportLastFour,
      reason: base.reason,
      'dateOfBirth-day': '٢٧',
      'dateOfBirth-month': '٣',
      'dateOfBirth-year': '١٩٩٠',
    })
    expect(parsed.dateOfBirth).toBe('1990-03-27')
  })
})
