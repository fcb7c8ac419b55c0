import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkForeignerIdentityNumber,
  isValidTurkishIdentityNumber,
  normaliseIdentityInput,
} from './identity-numbers'

// An oracle written from the alternative formulas in domain.md §6 (7·odd + 9·even, 8·odd), so
// the property tests do not just re-run the code under test.
function withCheckDigits(payload: string): string {
  const d = [...payload].map(Number)
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!
  const even = d[1]! + d[3]! + d[5]! + d[7]!
  return `${payload}${(7 * odd + 9 * even) % 10}${(8 * odd) % 10}`
}

const digit = fc.integer({ min: 0, max: 9 })
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((a) => a.join(''))
const tcknPayload = fc
  .tuple(fc.integer({ min: 1, max: 9 }), digits(8))
  .map(([first, rest]) => `${first}${rest}`)
const yknPayload = digits(7).map((rest) => `99${rest}`)

function replaceAt(value: string, index: number, ch: string): string {
  return value.slice(0, index) + ch + value.slice(index + 1)
}

describe('normaliseIdentityInput', () => {
  it('trims, removes inner spaces and direction marks', () => {
    expect(normaliseIdentityInput('  100 000 001 46 ')).toBe('10000000146')
    expect(normaliseIdentityInput('\t1000\u00a00000146\n')).toBe('10000000146')
    expect(normaliseIdentityInput('\u200f۹۹۱۲۳۴۵۶۷۴۰\u200e')).toBe('99123456740')
    expect(normaliseIdentityInput('٩٩ ٠٠٠ ٠٠٠ ٠٤٢')).toBe('99000000042')
  })

  it('keeps characters that make the number invalid, so the user is told', () => {
    expect(normaliseIdentityInput('100-000-001-46')).toBe('100-000-001-46')
    expect(isValidTurkishIdentityNumber(normaliseIdentityInput('100-000-001-46'))).toBe(false)
  })

  it('lets a number typed in Persian digits validate', () => {
    expect(isValidTurkishIdentityNumber(normaliseIdentityInput('۱۰۰۰۰۰۰۰۱۴۶'))).toBe(true)
    expect(
      checkForeignerIdentityNumber(normaliseIdentityInput('٩٩١٢٣٤٥٦٧٤٠'), {
        enforceChecksum: true,
      }),
    ).toBe('valid')
  })
})

describe('isValidTurkishIdentityNumber', () => {
  it('accepts the verified examples', () => {
    expect(isValidTurkishIdentityNumber('10000000146')).toBe(true)
    expect(isValidTurkishIdentityNumber('17291716060')).toBe(true)
  })

  it('uses a non-negative modulus for the tenth digit', () => {
    // 7·1 − 36 = −29: JavaScript's % gives −9, the right digit is 1.
    expect(isValidTurkishIdentityNumber('19090909018')).toBe(true)
    expect(isValidTurkishIdentityNumber('19090909098')).toBe(false)
  })

  it('rejects a wrong check digit', () => {
    expect(isValidTurkishIdentityNumber('17291716050')).toBe(false)
    expect(isValidTurkishIdentityNumber('10000000145')).toBe(false)
    expect(isValidTurkishIdentityNumber('10000000136')).toBe(false)
  })

  it('rejects a leading zero even when the check digits fit', () => {
    expect(withCheckDigits('012345678')).toBe('01234567840')
    expect(isValidTurkishIdentityNumber('01234567840')).toBe(false)
  })

  it('rejects wrong lengths and non-digits', () => {
    for (const bad of [
      '',
      '1000000014',
      '100000001460',
      '1000000014a',
      ' 10000000146',
      '10000000146 ',
      '100 00000146',
      '+10000000146',
      '1000000014.6',
      '١٠٠٠٠٠٠٠١٤٦', // not normalised: only ASCII digits count
    ]) {
      expect(isValidTurkishIdentityNumber(bad), bad).toBe(false)
    }
  })

  it('rejects every number of one repeated digit', () => {
    for (let n = 0; n <= 9; n++) {
      expect(isValidTurkishIdentityNumber(String(n).repeat(11))).toBe(false)
    }
  })

  it('accepts any payload completed with its check digits', () => {
    fc.assert(
      fc.property(tcknPayload, (payload) => {
        expect(isValidTurkishIdentityNumber(withCheckDigits(payload))).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('rejects a valid number with any one digit changed', () => {
    fc.assert(
      fc.property(
        tcknPayload,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (payload, index, shift) => {
          const valid = withCheckDigits(payload)
          const changed = replaceAt(valid, index, String((Number(valid[index]) + shift) % 10))
          expect(changed).not.toBe(valid)
          expect(isValidTurkishIdentityNumber(changed)).toBe(false)
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('finds exactly one valid number per payload', () => {
    fc.assert(
      fc.property(tcknPayload, (payload) => {
        let count = 0
        for (let tail = 0; tail < 100; tail++) {
          if (isValidTurkishIdentityNumber(payload + String(tail).padStart(2, '0'))) count++
        }
        expect(count).toBe(1)
      }),
      { numRuns: 200 },
    )
  })
})

describe('checkForeignerIdentityNumber', () => {
  const strict = { enforceChecksum: true }
  const lenient = { enforceChecksum: false }

  it('accepts the generated examples', () => {
    for (const ykn of ['99123456740', '99000000042']) {
      expect(checkForeignerIdentityNumber(ykn, strict)).toBe('valid')
      expect(checkForeignerIdentityNumber(ykn, lenient)).toBe('valid')
    }
  })

  it('reports a checksum mismatch only when asked to enforce it', () => {
    expect(checkForeignerIdentityNumber('99123456741', strict)).toBe('checksum_mismatch')
    expect(checkForeignerIdentityNumber('99123456750', strict)).toBe('checksum_mismatch')
    expect(checkForeignerIdentityNumber('99123456741', lenient)).toBe('valid')
    expect(checkForeignerIdentityNumber('99123456750', lenient)).toBe('valid')
  })

  it('rejects numbers that do not start with 99, whatever the setting', () => {
    // Valid citizen numbers are not foreigner numbers.
    for (const options of [strict, lenient]) {
      expect(checkForeignerIdentityNumber('10000000146', options)).toBe('invalid_format')
      expect(checkForeignerIdentityNumber('17291716060', options)).toBe('invalid_format')
      expect(checkForeignerIdentityNumber('98123456740', options)).toBe('invalid_format')
      expect(checkForeignerIdentityNumber('89123456740', options)).toBe('invalid_format')
    }
  })

  it('rejects wrong lengths and non-digits as a format error before any checksum', () => {
    for (const bad of [
      '',
      '99',
      '9912345674',
      '991234567400',
      '9912345674a',
      '99 123456740',
      ' 99123456740',
      '٩٩١٢٣٤٥٦٧٤٠',
      '99123456-40',
    ]) {
      expect(checkForeignerIdentityNumber(bad, strict), bad).toBe('invalid_format')
      expect(checkForeignerIdentityNumber(bad, lenient), bad).toBe('invalid_format')
    }
  })

  it('accepts any 99-payload completed with its check digits', () => {
    fc.assert(
      fc.property(yknPayload, (payload) => {
        const ykn = withCheckDigits(payload)
        expect(checkForeignerIdentityNumber(ykn, strict)).toBe('valid')
        // A YKN is also well-formed as a TCKN: same format, same check digits.
        expect(isValidTurkishIdentityNumber(ykn)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('flags any one changed digit after the prefix, and only when enforcing', () => {
    fc.assert(
      fc.property(
        yknPayload,
        fc.integer({ min: 2, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (payload, index, shift) => {
          const valid = withCheckDigits(payload)
          const changed = replaceAt(valid, index, String((Number(valid[index]) + shift) % 10))
          expect(checkForeignerIdentityNumber(changed, strict)).toBe('checksum_mismatch')
          expect(checkForeignerIdentityNumber(changed, lenient)).toBe('valid')
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('calls a changed prefix a format error', () => {
    fc.assert(
      fc.property(
        yknPayload,
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: 1, max: 9 }),
        (payload, index, shift) => {
          const changed = replaceAt(withCheckDigits(payload), index, String((9 + shift) % 10))
          expect(checkForeignerIdentityNumber(changed, strict)).toBe('invalid_format')
        },
      ),
    )
  })
})
