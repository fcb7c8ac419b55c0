import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  normalisePassportNumber,
  PASSPORT_NUMBER_MAX_LENGTH,
  PASSPORT_NUMBER_MIN_LENGTH,
} from './passport-number'

describe('normalisePassportNumber', () => {
  it('keeps a well-formed number as it is', () => {
    for (const ok of ['U12345678', 'C01X00T47', '123456789', 'AB1234567', '751234567']) {
      expect(normalisePassportNumber(ok), ok).toBe(ok)
    }
  })

  it('upper-cases and removes spaces, hyphens and dashes', () => {
    expect(normalisePassportNumber('u12345678')).toBe('U12345678')
    expect(normalisePassportNumber('  ab 123-4567 ')).toBe('AB1234567')
    expect(normalisePassportNumber('ab\u2013123\u20114567')).toBe('AB1234567')
    expect(normalisePassportNumber('ab\u00a01234567\t')).toBe('AB1234567')
    expect(normalisePassportNumber('75 1234567')).toBe('751234567')
  })

  it('converts Arabic-Indic and Persian digits and drops direction marks', () => {
    expect(normalisePassportNumber('N٠١٢٣٤٥٦٧')).toBe('N01234567')
    expect(normalisePassportNumber('\u200fk۹۸۷۶۵۴۳۲\u200e')).toBe('K98765432')
  })

  it('reads the Turkish dotted and dotless i as I', () => {
    expect(normalisePassportNumber('İ1234567')).toBe('I1234567')
    expect(normalisePassportNumber('ı1234567')).toBe('I1234567')
    expect(normalisePassportNumber('i1234567')).toBe('I1234567')
  })

  it('accepts the length bounds and rejects one past them', () => {
    expect(PASSPORT_NUMBER_MIN_LENGTH).toBe(5)
    expect(PASSPORT_NUMBER_MAX_LENGTH).toBe(20)
    expect(normalisePassportNumber('A1234')).toBe('A1234')
    expect(normalisePassportNumber('A123')).toBeNull()
    expect(normalisePassportNumber('A1234567890123456789')).toBe('A1234567890123456789')
    expect(normalisePassportNumber('A12345678901234567890')).toBeNull()
    // Separators do not count towards the length.
    expect(normalisePassportNumber('A-1-2-3')).toBeNull()
  })

  it('rejects letters only', () => {
    expect(normalisePassportNumber('ABCDEFGH')).toBeNull()
    expect(normalisePassportNumber('passport')).toBeNull()
  })

  it('rejects one repeated character', () => {
    expect(normalisePassportNumber('000000000')).toBeNull()
    expect(normalisePassportNumber('1111 1111')).toBeNull()
    expect(normalisePassportNumber('٠٠٠٠٠٠٠')).toBeNull()
    // Two different characters are enough.
    expect(normalisePassportNumber('000000001')).toBe('000000001')
  })

  it('rejects anything outside A–Z and 0–9 instead of guessing', () => {
    for (const bad of [
      '',
      '     ',
      'AB/1234567',
      'AB.1234567',
      'AB_1234567',
      'ÇĞ1234567',
      'Ü12345678',
      'ß12345678', // would become SS12345678 if upper-cased first
      'ﬁ12345678',
      'АВ1234567', // Cyrillic А and В, which look like Latin A and B
      'अ1234567',
      '१२३४५६७८', // Devanagari digits are not converted
      'AB<1234567',
    ]) {
      expect(normalisePassportNumber(bad), bad).toBeNull()
    }
  })

  it('returns only canonical output, and normalising it again changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aZ09 -٣۴İı.'.split('')) }), (input) => {
        const out = normalisePassportNumber(input)
        if (out === null) return
        expect(out).toMatch(/^[A-Z0-9]{5,20}$/)
        expect(out).toMatch(/[0-9]/)
        expect(normalisePassportNumber(out)).toBe(out)
      }),
      { numRuns: 2000 },
    )
  })
})
