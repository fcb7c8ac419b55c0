import { describe, expect, it } from 'vitest'
import { LOCALES } from '@/lib/domain/locales'
import { RESOURCES, type Messages } from './resources'
import { NAMESPACES } from './settings'

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

function keysOf(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [`${prefix}${key}`.replace(PLURAL_SUFFIX, '')]
      : keysOf(value, `${prefix}${key}.`),
  )
}

describe('locale files', () => {
  for (const ns of NAMESPACES) {
    it(`${ns}: every locale has the same keys (plural forms aside)`, () => {
      const all = new Set(LOCALES.flatMap((l) => keysOf(RESOURCES[l][ns])))
      for (const locale of LOCALES) {
        const own = new Set(keysOf(RESOURCES[locale][ns]))
        const missing = [...all].filter((k) => !own.has(k))
        expect(missing, `${locale}/${ns}.json lacks keys`).toEqual([])
      }
    })
  }

  it('has no empty strings', () => {
    for (const locale of LOCALES) {
      for (const ns of NAMESPACES) {
        const empty = JSON.stringify(RESOURCES[locale][ns]).match(/":""/g)
        expect(empty, `${locale}/${ns}`).toBeNull()
      }
    }
  })
})
