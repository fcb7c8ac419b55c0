import { describe, expect, it } from 'vitest'
import { provinceLabel, provinceOptions } from './province-label'
import { CLDR_PROVINCE_NAMES } from './province-names-cldr'

const rows = [
  { code: 67, name: 'Zonguldak' },
  { code: 17, name: 'Çanakkale' },
  { code: 34, name: 'İstanbul' },
  { code: 35, name: 'İzmir' },
  { code: 63, name: 'Şanlıurfa' },
  { code: 16, name: 'Bursa' },
  { code: 18, name: 'Çankırı' },
  { code: 19, name: 'Çorum' },
  { code: 20, name: 'Denizli' },
  { code: 32, name: 'Isparta' },
  { code: 58, name: 'Sivas' },
  { code: 59, name: 'Tekirdağ' },
]
const names = (locale: 'tr' | 'en' | 'ar' | 'fa' | 'ru') =>
  provinceOptions(rows, locale).map((o) => rows.find((r) => String(r.code) === o.value)!.name)

describe('province names', () => {
  it('has a name for each of the 81 provinces in every script it covers', () => {
    for (const list of Object.values(CLDR_PROVINCE_NAMES)) {
      expect(list).toHaveLength(81)
      expect(list.every((n) => n.trim().length > 1)).toBe(true)
    }
  })

  it('keeps the official Turkish name first and adds the reader’s own', () => {
    expect(provinceLabel(34, 'İstanbul', 'ru')).toBe('İstanbul (Стамбул)')
    expect(provinceLabel(34, 'İstanbul', 'ar')).toBe('İstanbul (إسطنبول)')
    expect(provinceLabel(6, 'Ankara', 'fa')).toBe('Ankara (آنکارا)')
    expect(provinceLabel(34, 'İstanbul', 'tr')).toBe('İstanbul')
    expect(provinceLabel(34, 'İstanbul', 'en')).toBe('İstanbul')
  })

  it('sorts by the Turkish alphabet in Turkish, not by character code', () => {
    expect(names('tr')).toEqual([
      'Bursa',
      'Çanakkale',
      'Çankırı',
      'Çorum',
      'Denizli',
      'Isparta',
      'İstanbul',
      'İzmir',
      'Sivas',
      'Şanlıurfa',
      'Tekirdağ',
      'Zonguldak',
    ])
  })

  it('puts no letter with a mark after Z in any language', () => {
    for (const locale of ['en', 'ar', 'fa', 'ru'] as const) {
      expect(names(locale).at(-1)).toBe('Zonguldak')
      expect(names(locale).indexOf('Çanakkale')).toBeLessThan(names(locale).indexOf('Denizli'))
    }
  })
})
