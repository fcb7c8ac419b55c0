import { describe, expect, it } from 'vitest'
import { isLocale, LOCALES, textDirection } from './locales'

describe('locales', () => {
  it('has the five languages with Turkish first', () =>
    expect(LOCALES).toEqual(['tr', 'en', 'ar', 'fa', 'ru']))
  it('writes Arabic and Persian right to left', () => {
    expect(LOCALES.filter((l) => textDirection(l) === 'rtl')).toEqual(['ar', 'fa'])
  })
  it('rejects anything else', () => {
    for (const bad of ['de', 'EN', '', null, 'tr-TR']) expect(isLocale(bad)).toBe(false)
  })
})
