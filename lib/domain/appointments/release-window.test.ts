import { describe, expect, it } from 'vitest'
import { fromIstanbulWallTime } from './istanbul-time'
import { checkReleaseWindow, slotDaysRange, suggestedReleaseWindow } from './release-window'

const now = new Date('2026-11-02T09:00:00Z')
const at = (iso: string) => new Date(iso)
const good = {
  slotsFrom: '2026-11-16',
  slotsUntil: '2026-11-20',
  opensAt: at('2026-11-02T06:00:00Z'),
  closesAt: at('2026-11-09T15:00:00Z'),
  now,
}

describe('checkReleaseWindow', () => {
  it('accepts a window open for a week that closes before the first slot day', () => {
    expect(checkReleaseWindow(good)).toEqual({ ok: true })
    // Closing at midnight İstanbul time (21:00 UTC) of the day before is still in time.
    expect(checkReleaseWindow({ ...good, closesAt: at('2026-11-15T21:00:00Z') })).toEqual({
      ok: true,
    })
  })

  it('refuses windows that make no sense, each with its own reason', () => {
    const reason = (change: Partial<typeof good>) =>
      (checkReleaseWindow({ ...good, ...change }) as { reason?: string }).reason
    expect(reason({ closesAt: good.opensAt })).toBe('closes_before_opens')
    expect(
      reason({ opensAt: at('2026-11-01T00:00:00Z'), closesAt: at('2026-11-02T08:00:00Z') }),
    ).toBe('closes_in_past')
    expect(
      reason({ opensAt: at('2026-11-02T09:00:00Z'), closesAt: at('2026-11-02T09:30:00Z') }),
    ).toBe('window_too_short')
    expect(reason({ closesAt: at('2026-11-17T06:00:00Z'), slotsFrom: '2026-11-18' })).toBe(
      'window_too_long',
    )
    expect(reason({ slotsUntil: '2026-11-15' })).toBe('days_reversed')
    expect(reason({ slotsUntil: '2026-12-17' })).toBe('too_many_days')
    expect(reason({ closesAt: at('2026-11-15T21:00:01Z') })).toBe('draw_after_slots')
  })
})

describe('slotDaysRange', () => {
  it('runs from midnight of the first day to midnight after the last, İstanbul time', () => {
    expect(slotDaysRange('2026-11-16', '2026-11-20')).toEqual({
      from: at('2026-11-15T21:00:00Z'),
      to: at('2026-11-20T21:00:00Z'),
    })
  })
})

describe('suggestedReleaseWindow', () => {
  it('suggests a window the rules accept', () => {
    const s = suggestedReleaseWindow(now)
    expect(s).toEqual({
      slotsFrom: '2026-11-09',
      slotsUntil: '2026-11-13',
      opensAt: '2026-11-02T12:00',
      closesAt: '2026-11-05T17:00',
    })
    const wall = (v: string) => fromIstanbulWallTime(v.slice(0, 10), v.slice(11))
    expect(
      checkReleaseWindow({ ...s, opensAt: wall(s.opensAt), closesAt: wall(s.closesAt), now }),
    ).toEqual({ ok: true })
  })
})
