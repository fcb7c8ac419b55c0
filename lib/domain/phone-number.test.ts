import { describe, expect, it } from 'vitest'
import { normalisePhoneNumber } from './phone-number'

describe('normalisePhoneNumber', () => {
  it('reads a Turkish mobile number in national format', () => {
    const expected = { e164: '+905321234567', country: 'TR' }
    expect(normalisePhoneNumber('0532 123 45 67')).toEqual(expected)
    expect(normalisePhoneNumber('05321234567')).toEqual(expected)
    expect(normalisePhoneNumber('532 123 45 67')).toEqual(expected)
    expect(normalisePhoneNumber('(0532) 123-45-67')).toEqual(expected)
    expect(normalisePhoneNumber('+90 532 123 45 67')).toEqual(expected)
    expect(normalisePhoneNumber('0090 532 123 45 67')).toEqual(expected)
    expect(normalisePhoneNumber('  +905321234567  ')).toEqual(expected)
  })

  it('reads Turkish landlines', () => {
    expect(normalisePhoneNumber('0212 123 45 67')).toEqual({
      e164: '+902121234567',
      country: 'TR',
    })
  })

  it('reads Arabic-Indic and Persian digits', () => {
    const expected = { e164: '+905321234567', country: 'TR' }
    expect(normalisePhoneNumber('٠٥٣٢ ١٢٣ ٤٥ ٦٧')).toEqual(expected)
    expect(normalisePhoneNumber('۰۵۳۲ ۱۲۳ ۴۵ ۶۷')).toEqual(expected)
    expect(normalisePhoneNumber('+۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹')).toEqual({
      e164: '+989123456789',
      country: 'IR',
    })
  })

  it('reads international numbers whatever the default country', () => {
    expect(normalisePhoneNumber('+7 912 345-67-89')).toEqual({
      e164: '+79123456789',
      country: 'RU',
    })
    expect(normalisePhoneNumber('+963 944 567 890')).toEqual({
      e164: '+963944567890',
      country: 'SY',
    })
    expect(normalisePhoneNumber('+1 202 555 0100', 'RU')).toEqual({
      e164: '+12025550100',
      country: 'US',
    })
  })

  it('reads a national number in the given default country', () => {
    expect(normalisePhoneNumber('8 912 345-67-89', 'RU')).toEqual({
      e164: '+79123456789',
      country: 'RU',
    })
    // The same digits are not a Turkish number.
    expect(normalisePhoneNumber('8 912 345-67-89')).toBeNull()
  })

  it('needs an international prefix when the default country has no number plan', () => {
    expect(normalisePhoneNumber('0532 123 45 67', 'AQ')).toBeNull()
    expect(normalisePhoneNumber('0532 123 45 67', 'not a country')).toBeNull()
    expect(normalisePhoneNumber('+90 532 123 45 67', 'AQ')).toEqual({
      e164: '+905321234567',
      country: 'TR',
    })
  })

  it('rejects short, long and empty input', () => {
    for (const bad of ['', '   ', '123', '0532', '0532 123 45', '0532 123 45 678', '+90', '+']) {
      expect(normalisePhoneNumber(bad), bad).toBeNull()
    }
  })

  it('rejects numbers of the right length that no Turkish operator issues', () => {
    // The default `min` metadata would accept both: it checks only the length.
    expect(normalisePhoneNumber('0599 123 45 67')).toBeNull()
    expect(normalisePhoneNumber('0299 123 45 67')).toBeNull()
    expect(normalisePhoneNumber('+7 012 345-67-89')).toBeNull()
  })

  it('rejects text that is not a phone number', () => {
    for (const bad of ['hello', 'applicant@example.com', '10000000146', '99123456740']) {
      expect(normalisePhoneNumber(bad), bad).toBeNull()
    }
  })

  it('rejects a number with an extension rather than dropping it', () => {
    expect(normalisePhoneNumber('0212 123 45 67 ext. 12')).toBeNull()
    expect(normalisePhoneNumber('0212 123 45 67 x12')).toBeNull()
  })
})
