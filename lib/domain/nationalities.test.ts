import { describe, expect, it } from 'vitest'
import { LOCALES, type Locale } from './locales'
import { nationalityName, nationalityOptions } from './nationalities'
import { isNationalityCode, isTurkishNationality, NATIONALITY_CODES } from './nationality-codes'

function position(locale: Locale, code: string): number {
  const index = nationalityOptions(locale).findIndex((o) => o.code === code)
  expect(index, `${code} missing from ${locale} options`).toBeGreaterThanOrEqual(0)
  return index
}

describe('NATIONALITY_CODES', () => {
  it('holds the ISO 3166-1 alpha-2 codes, unique and sorted', () => {
    expect(NATIONALITY_CODES.length).toBe(250)
    expect(new Set(NATIONALITY_CODES).size).toBe(NATIONALITY_CODES.length)
    expect([...NATIONALITY_CODES].sort()).toEqual(NATIONALITY_CODES)
    for (const code of NATIONALITY_CODES) expect(code).toMatch(/^[A-Z]{2}$/)
  })

  it('includes the nationalities most often seen in residence applications', () => {
    for (const code of ['TR', 'SY', 'IR', 'IQ', 'AF', 'RU', 'UA', 'AZ', 'TM', 'DE', 'XK']) {
      expect(NATIONALITY_CODES).toContain(code)
    }
  })

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(NATIONALITY_CODES)).toBe(true)
  })
})

describe('isNationalityCode', () => {
  it('accepts assigned codes', () => {
    for (const code of ['TR', 'SY', 'AX', 'XK']) expect(isNationalityCode(code)).toBe(true)
  })

  it('rejects anything else', () => {
    for (const value of [
      'tr',
      'Tr',
      ' TR',
      'TUR',
      '792',
      'ZZ',
      'UK', // the United Kingdom is GB
      'EU',
      '',
      undefined,
      null,
      792,
      ['TR'],
      { code: 'TR' },
    ]) {
      expect(isNationalityCode(value), String(value)).toBe(false)
    }
  })
})

describe('isTurkishNationality', () => {
  it('is true for TR only', () => {
    expect(isTurkishNationality('TR')).toBe(true)
    expect(NATIONALITY_CODES.filter(isTurkishNationality)).toEqual(['TR'])
    expect(isTurkishNationality('tr')).toBe(false)
    expect(isTurkishNationality('TUR')).toBe(false)
  })
})

describe('nationalityName', () => {
  it('has a non-empty name for every code in every language', () => {
    for (const locale of LOCALES) {
      for (const code of NATIONALITY_CODES) {
        const name = nationalityName(code, locale)
        expect(name.trim(), `${code} in ${locale}`).not.toBe('')
        expect(name, `${code} in ${locale}`).not.toBe(code)
      }
    }
  })

  it('names countries in the requested language', () => {
    expect(nationalityName('DE', 'tr')).toBe('Almanya')
    expect(nationalityName('DE', 'en')).toBe('Germany')
    expect(nationalityName('DE', 'ar')).toBe('ألمانيا')
    expect(nationalityName('DE', 'fa')).toBe('آلمان')
    expect(nationalityName('DE', 'ru')).toBe('Германия')
    expect(nationalityName('TR', 'en')).toBe('Türkiye')
    expect(nationalityName('SY', 'tr')).toBe('Suriye')
  })

  it('writes Arabic and Persian names in their own scripts', () => {
    // Persian uses ی and ک where Arabic uses ي and ك; a shared list would be wrong for one of them.
    expect(nationalityName('IR', 'fa')).toBe('ایران')
    expect(nationalityName('IR', 'ar')).toBe('إيران')
    for (const code of NATIONALITY_CODES) {
      expect(nationalityName(code, 'ar')).toMatch(/[\u0600-\u06ff]/)
      expect(nationalityName(code, 'fa')).toMatch(/[\u0600-\u06ff]/)
      expect(nationalityName(code, 'ru')).toMatch(/[\u0400-\u04ff]/)
    }
  })

  it('returns an unknown code as it is, not a name for something else', () => {
    expect(nationalityName('ZZ', 'tr')).toBe('ZZ')
    expect(nationalityName('tr', 'en')).toBe('tr')
    expect(nationalityName('TUR', 'en')).toBe('TUR')
    expect(nationalityName('792', 'en')).toBe('792')
  })
})

describe('nationalityOptions', () => {
  it('lists every code once, with its name, in every language', () => {
    for (const locale of LOCALES) {
      const options = nationalityOptions(locale)
      expect(options.map((o) => o.code).sort()).toEqual(NATIONALITY_CODES)
      for (const o of options) expect(o.name).toBe(nationalityName(o.code, locale))
    }
  })

  it("is in each language's alphabetical order", () => {
    for (const locale of LOCALES) {
      const collator = new Intl.Collator(locale)
      const names = nationalityOptions(locale).map((o) => o.name)
      for (let i = 1; i < names.length; i++) {
        expect(collator.compare(names[i - 1]!, names[i]!), `${names[i - 1]} / ${names[i]}`).toBe(-1)
      }
    }
  })

  it('puts Turkish letters where the Turkish alphabet has them, not after Z', () => {
    expect(position('tr', 'DZ')).toBeLessThan(position('tr', 'TD')) // Cezayir, Çad
    expect(position('tr', 'TD')).toBeLessThan(position('tr', 'DK')) // Çad, Danimarka
    expect(position('tr', 'CN')).toBeLessThan(position('tr', 'DK')) // Çin, Danimarka
    expect(position('tr', 'IQ')).toBeLessThan(position('tr', 'IR')) // Irak, İran
    expect(position('tr', 'IR')).toBeLessThan(position('tr', 'JM')) // İran, Jamaika
    expect(position('tr', 'CL')).toBeLessThan(position('tr', 'TH')) // Şili, Tayland
  })

  it('puts Persian letters where the Persian alphabet has them', () => {
    // چ comes after ج and before د in Persian; by code point it would come after every Arabic letter.
    expect(position('fa', 'TD')).toBeLessThan(position('fa', 'DK')) // چاد, دانمارک
  })

  it('sorts accented Latin letters with their base letter in English', () => {
    expect(position('en', 'AX')).toBeLessThan(position('en', 'AL')) // Åland Islands, Albania
  })

  it('gives the same frozen list on every call', () => {
    expect(nationalityOptions('tr')).toBe(nationalityOptions('tr'))
    expect(Object.isFrozen(nationalityOptions('tr'))).toBe(true)
    expect(Object.isFrozen(nationalityOptions('tr')[0])).toBe(true)
    expect(nationalityOptions('tr')).not.toEqual(nationalityOptions('en'))
  })
})
