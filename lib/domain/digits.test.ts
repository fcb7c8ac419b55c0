import { describe, expect, it } from 'vitest'
import { toLatinDigits } from './digits'

describe('toLatinDigits', () => {
  it('maps Arabic-Indic and Persian digits, keeps everything else', () => {
    expect(toLatinDigits('٩٩١٢٣')).toBe('99123')
    expect(toLatinDigits('۱۹۹۰-۰۴-۱۲')).toBe('1990-04-12')
    expect(toLatinDigits('A۱b٢ 3')).toBe('A1b2 3')
    expect(toLatinDigits('')).toBe('')
  })
})
