import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normaliseNumericInput, stripSpacesAndMarks, toLatinDigits } from './digits'

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩'
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹'
const latin = fc.stringMatching(/^[0-9]{0,12}$/)
const inScript = (digits: string, script: string) =>
  [...digits].map((d) => script[Number(d)]).join('')
// A number as a person may type it: each digit from any of the three scripts.
const mixedScripts = latin.chain((digits) =>
  fc
    .array(fc.constantFrom('0123456789', ARABIC_INDIC, PERSIAN), {
      minLength: digits.length,
      maxLength: digits.length,
    })
    .map((scripts) => ({ digits, typed: scripts.map((s, i) => s[Number(digits[i])]).join('') })),
)

describe('toLatinDigits', () => {
  it('maps Arabic-Indic and Persian digits to 0-9', () => {
    expect(toLatinDigits(ARABIC_INDIC)).toBe('0123456789')
    expect(toLatinDigits(PERSIAN)).toBe('0123456789')
    expect(toLatinDigits('a۱b٢c3')).toBe('a1b2c3')
  })

  it('leaves other characters alone', () => {
    expect(toLatinDigits('AB-12 ü')).toBe('AB-12 ü')
    // Devanagari digits are not on the keyboards the portal serves; they stay invalid.
    expect(toLatinDigits('१२')).toBe('१२')
  })

  it('reads a number typed in any mix of the three scripts as the same number', () => {
    fc.assert(
      fc.property(mixedScripts, ({ digits, typed }) => {
        expect(toLatinDigits(typed)).toBe(digits)
      }),
    )
  })

  it('changes nothing that holds no Arabic-Indic or Persian digit, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = toLatinDigits(s)
        expect(toLatinDigits(once)).toBe(once)
        if (!/[\u0660-\u0669\u06f0-\u06f9]/.test(s)) expect(once).toBe(s)
        expect([...once].length).toBe([...s].length)
      }),
    )
  })

  it('gives Number() the value the Persian and Arabic-Indic text stands for', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), (n) => {
        expect(Number(toLatinDigits(inScript(String(n), PERSIAN)))).toBe(n)
        expect(Number(toLatinDigits(inScript(String(n), ARABIC_INDIC)))).toBe(n)
      }),
    )
  })
})

describe('normaliseNumericInput', () => {
  it('removes spaces and the marks pasted from right-to-left text', () => {
    expect(normaliseNumericInput(' ۱۲۳ ۴۵۶ ')).toBe('123456')
    expect(normaliseNumericInput('\u200f٣٤٠٠٠\u200e')).toBe('34000')
    expect(normaliseNumericInput('\u2067۲۷\u2069')).toBe('27')
    expect(stripSpacesAndMarks('\ufeff1\u200b2\u2066 3\u2069')).toBe('123')
  })

  it('keeps what is not a digit, so the check refuses it', () => {
    expect(normaliseNumericInput('12a')).toBe('12a')
    expect(normaliseNumericInput('1-2')).toBe('1-2')
  })
})
