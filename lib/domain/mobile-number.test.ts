import { describe, expect, it } from 'vitest'
import { mobileNumberForSms } from './mobile-number'

describe('mobileNumberForSms', () => {
  it('gives the E.164 form of a Turkish mobile, however it was typed', () => {
    expect(mobileNumberForSms('0532 123 45 67')).toBe('+905321234567')
    expect(mobileNumberForSms('+90 532 123 45 67')).toBe('+905321234567')
    expect(mobileNumberForSms('٠٥٣٢١٢٣٤٥٦٧')).toBe('+905321234567')
  })

  it('accepts foreign mobiles written with their country code', () => {
    expect(mobileNumberForSms('+7 912 345-67-89')).toBe('+79123456789')
  })

  it('refuses landlines, toll-free numbers and invalid input', () => {
    expect(mobileNumberForSms('0212 345 67 89')).toBeNull()
    expect(mobileNumberForSms('0800 211 00 88')).toBeNull()
    expect(mobileNumberForSms('0599 123 45 67')).toBeNull()
    expect(mobileNumberForSms('')).toBeNull()
    expect(mobileNumberForSms(undefined)).toBeNull()
    expect(mobileNumberForSms(5321234567)).toBeNull()
  })
})
