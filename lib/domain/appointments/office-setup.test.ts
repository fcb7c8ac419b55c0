import { describe, expect, it } from 'vitest'
import { changesApplyFrom, openingPeriods } from './office-setup'

describe('office setup', () => {
  it('an edit counts from the first day without slots, never before today', () => {
    expect(changesApplyFrom('2026-03-20', '2026-03-01')).toBe('2026-03-21')
    expect(changesApplyFrom('2026-02-10', '2026-03-01')).toBe('2026-03-01')
    expect(changesApplyFrom(null, '2026-03-01')).toBe('2026-03-01')
  })

  it('splits a day at its break', () => {
    expect(
      openingPeriods(
        { opensAt: '08:30', closesAt: '17:30', breakFrom: '12:00', breakTo: '13:30' },
        15,
      ),
    ).toEqual({
      ok: true,
      periods: [
        ['08:30', '12:00'],
        ['13:30', '17:30'],
      ],
    })
    expect(openingPeriods({ opensAt: '09:00', closesAt: '12:00' }, 15)).toEqual({
      ok: true,
      periods: [['09:00', '12:00']],
    })
  })

  it('refuses hours that make no sense', () => {
    expect(openingPeriods({ opensAt: '12:00', closesAt: '09:00' }, 15)).toEqual({
      ok: false,
      reason: 'closes_before_opens',
    })
    expect(
      openingPeriods(
        { opensAt: '09:00', closesAt: '12:00', breakFrom: '08:00', breakTo: '10:00' },
        15,
      ),
    ).toEqual({ ok: false, reason: 'break_outside' })
    expect(
      openingPeriods(
        { opensAt: '09:00', closesAt: '12:00', breakFrom: '09:10', breakTo: '10:00' },
        15,
      ),
    ).toEqual({ ok: false, reason: 'too_short' })
    expect(openingPeriods({ opensAt: '09:00', closesAt: '09:30' }, 45)).toEqual({
      ok: false,
      reason: 'too_short',
    })
  })
})
