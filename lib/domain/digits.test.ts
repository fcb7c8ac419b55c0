import { describe, expect, it } from 'vitest'
import { toLatinDigits } from './digits'

describe('toLatinDigits', () => {
  it('maps Arabic-Indic and Persian digits to 0–9', () => {
    expect(toLatinDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789')
    expect(toLatinDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789')
  })

  it('keeps letters, Latin digits and punctuation', () => {
    expect(toLatinDigits('AC٣4-XY۵٩')).toBe('AC34-XY59')
    expect(toLatinDigits('')).toBe('')
  })
})
