import { describe, expect, it } from 'vitest'
import {
  identityMatches,
  isOnIstanbulDay,
  istanbulDayBounds,
  mayMarkNoShow,
  recordedIdentityOf,
} from './check-in'

describe('identityMatches', () => {
  const recorded = { passportNumber: 'ab 123-4567', foreignerIdNumber: '99123456782' }

  it('accepts the passport number typed another way', () => {
    expect(identityMatches('AB1234567', recorded)).toBe(true)
    expect(identityMatches(' ab-1234567 ', recorded)).toBe(true)
    expect(identityMatches('\u200fAB\u20131234567', recorded)).toBe(true)
  })

  it('accepts the foreigner identity number, also in Arabic or Persian digits', () => {
    expect(identityMatches('99123456782', recorded)).toBe(true)
    expect(identityMatches('991 234 567 82', recorded)).toBe(true)
    expect(identityMatches('٩٩١٢٣٤٥٦٧٨٢', recorded)).toBe(true)
    expect(identityMatches('۹۹۱۲۳۴۵۶۷۸۲', recorded)).toBe(true)
  })

  it('refuses anything else', () => {
    expect(identityMatches('AB1234568', recorded)).toBe(false)
    expect(identityMatches('99123456783', recorded)).toBe(false)
    expect(identityMatches('', recorded)).toBe(false)
    expect(identityMatches('   ', recorded)).toBe(false)
    expect(identityMatches('AB12', { passportNumber: 'AB12', foreignerIdNumber: undefined })).toBe(
      false,
    )
  })

  it('matches nothing when the application recorded nothing', () => {
    const none = { passportNumber: undefined, foreignerIdNumber: undefined }
    expect(identityMatches('AB1234567', none)).toBe(false)
    expect(identityMatches('99123456782', { passportNumber: 42, foreignerIdNumber: '' })).toBe(
      false,
    )
  })

  it('does not take a foreigner number for a passport number of another shape', () => {
    // A YKN must start with 99; an 11-digit passport number is compared as a passport number.
    expect(
      identityMatches('12345678901', { passportNumber: 'X1', foreignerIdNumber: '12345678901' }),
    ).toBe(false)
  })
})

describe('recordedIdentityOf', () => {
  it('reads the passport and the optional foreigner number from the answers', () => {
    expect(
      recordedIdentityOf({
        passport: { passportNumber: 'U1234567' },
        personal: { foreignerIdNumber: '99123456782', givenNames: 'Omar' },
      }),
    ).toEqual({ passportNumber: 'U1234567', foreignerIdNumber: '99123456782' })
    expect(recordedIdentityOf({ passport: 'nonsense' })).toEqual({
      passportNumber: undefined,
      foreignerIdNumber: undefined,
    })
  })
})

describe('İstanbul days', () => {
  it('start and end at midnight on an İstanbul clock', () => {
    const { from, to } = istanbulDayBounds('2026-12-01')
    expect(from.toISOString()).toBe('2026-11-30T21:00:00.000Z')
    expect(to.toISOString()).toBe('2026-12-01T21:00:00.000Z')
  })

  it('put late evening UTC on the next day', () => {
    expect(isOnIstanbulDay(new Date('2026-11-30T21:30:00Z'), '2026-12-01')).toBe(true)
    expect(isOnIstanbulDay(new Date('2026-11-30T20:59:00Z'), '2026-12-01')).toBe(false)
  })
})

describe('mayMarkNoShow', () => {
  it('only from the start time on', () => {
    const start = new Date('2026-12-01T06:00:00Z')
    expect(mayMarkNoShow(start, new Date('2026-12-01T05:59:59Z'))).toBe(false)
    expect(mayMarkNoShow(start, start)).toBe(true)
    expect(mayMarkNoShow(start, new Date('2026-12-02T00:00:00Z'))).toBe(true)
  })
})
