import { describe, expect, it } from 'vitest'
import { fieldErrorsFrom } from '../form-state'
import { permitClaimFormSchema, permitClaimSchema } from './claim'

// 99 + nine digits with the TCKN check digits (identity-numbers.ts).
const YKN = '99123456740'

describe('permitClaimSchema', () => {
  it('normalises Persian and Arabic-Indic digits, spaces and lower case', () => {
    const parsed = permitClaimSchema.parse({
      foreignerIdNumber: '۹۹۱ ۲۳۴ ۵۶۷ ۴۰',
      cardSerial: ' a١٢٣-٤٥٦٧ ',
      birthDate: '١٩٩٠-٠٤-١٢',
    })
    expect(parsed).toEqual({
      foreignerIdNumber: YKN,
      cardSerial: 'A1234567',
      birthDate: '1990-04-12',
    })
  })

  it('names each wrong field with a translatable key', () => {
    const result = permitClaimSchema.safeParse({
      foreignerIdNumber: '99123456741',
      cardSerial: 'AB-1',
      birthDate: '1990-02-30',
    })
    expect(result.success).toBe(false)
    expect(fieldErrorsFrom(result.error!)).toEqual({
      foreignerIdNumber: 'validation:foreignerId.checksum',
      cardSerial: 'permits:claim.errors.serial',
      birthDate: 'validation:date.invalid',
    })
    const notForeign = permitClaimSchema.safeParse({
      foreignerIdNumber: '10000000146',
      cardSerial: 'A1234567',
      birthDate: '1990-01-01',
    })
    expect(fieldErrorsFrom(notForeign.error!).foreignerIdNumber).toBe(
      'validation:foreignerId.invalid',
    )
  })

  it('refuses unknown fields', () => {
    const result = permitClaimSchema.safeParse({
      foreignerIdNumber: YKN,
      cardSerial: 'A1234567',
      birthDate: '1990-04-12',
      holderId: 'x',
    })
    expect(result.success).toBe(false)
  })
})

describe('permitClaimFormSchema', () => {
  it('joins the three date boxes, typed in Persian digits', () => {
    const parsed = permitClaimFormSchema.parse({
      foreignerIdNumber: YKN,
      cardSerial: 'A1234567',
      'birthDate-day': '۱۲',
      'birthDate-month': '۴',
      'birthDate-year': '۱۹۹۰',
    })
    expect(parsed.birthDate).toBe('1990-04-12')
  })

  it('asks for a date when the boxes are empty or absurd', () => {
    const empty = permitClaimFormSchema.safeParse({
      foreignerIdNumber: YKN,
      cardSerial: 'A1234567',
    })
    expect(fieldErrorsFrom(empty.error!).birthDate).toBe('validation:date.required')
    const absurd = permitClaimFormSchema.safeParse({
      foreignerIdNumber: YKN,
      cardSerial: 'A1234567',
      'birthDate-day': '40',
      'birthDate-month': '13',
      'birthDate-year': '1990',
    })
    expect(fieldErrorsFrom(absurd.error!).birthDate).toBe('validation:date.invalid')
  })
})
