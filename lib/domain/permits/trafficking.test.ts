import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, addMonths, fromEpochDay, toEpochDay } from './dates'
import { checkTraffickingPeriod } from './trafficking'

describe('checkTraffickingPeriod (Law 6458 art. 48–49, Reg. art. 45–46)', () => {
  it('gives 30 days first, the first day counted', () => {
    expect(
      checkTraffickingPeriod({ previous: [], from: '2026-01-15', until: '2026-02-13' }),
    ).toEqual({
      ok: true,
    })
    expect(
      checkTraffickingPeriod({ previous: [], from: '2026-01-15', until: '2026-02-14' }),
    ).toEqual({
      ok: false,
      reason: 'first_grant_too_long',
      latestEnd: '2026-02-13',
    })
  })
  it('renews for at most six months at a time', () => {
    const previous = [{ from: '2026-01-15', until: '2026-02-13' }]
    expect(checkTraffickingPeriod({ previous, from: '2026-02-14', until: '2026-08-13' }).ok).toBe(
      true,
    )
    expect(checkTraffickingPeriod({ previous, from: '2026-02-14', until: '2026-08-14' })).toEqual({
      ok: false,
      reason: 'renewal_too_long',
      latestEnd: '2026-08-13',
    })
  })
  it('stops at three years from the first day', () => {
    const previous = [
      { from: '2026-01-15', until: '2026-02-13' },
      { from: '2026-02-14', until: '2028-08-13' },
    ]
    expect(checkTraffickingPeriod({ previous, from: '2028-08-14', until: '2029-01-14' }).ok).toBe(
      true,
    )
    expect(checkTraffickingPeriod({ previous, from: '2028-08-14', until: '2029-01-15' })).toEqual({
      ok: false,
      reason: 'total_too_long',
      latestEnd: '2029-01-14',
    })
  })
  it('refuses an end before the start', () => {
    expect(
      checkTraffickingPeriod({ previous: [], from: '2026-01-15', until: '2026-01-14' }).ok,
    ).toBe(false)
  })
  it('never lets a renewal pass six months, whatever the start (property)', () => {
    const day = fc
      .integer({ min: toEpochDay('2000-01-01'), max: toEpochDay('2080-12-31') })
      .map(fromEpochDay)
    fc.assert(
      fc.property(day, (from) => {
        const previous = [{ from: addDays(from, -30), until: addDays(from, -1) }]
        const last = addDays(addMonths(from, 6), -1)
        expect(checkTraffickingPeriod({ previous, from, until: last }).ok).toBe(true)
        expect(checkTraffickingPeriod({ previous, from, until: addDays(last, 1) }).ok).toBe(false)
      }),
    )
  })
})
