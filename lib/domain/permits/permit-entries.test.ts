import { describe, expect, it } from 'vitest'
import { cardState, permitEntries } from './permit-entries'

describe('permitEntries', () => {
  const validUntil = '2026-06-30'
  it('opens the extension 60 days before expiry and says when before that', () => {
    expect(
      permitEntries({ permitType: 'short_term', today: '2026-04-30', validUntil }).extension,
    ).toEqual({
      state: 'not_yet',
      opensOn: '2026-05-01',
    })
    expect(
      permitEntries({ permitType: 'short_term', today: '2026-05-01', validUntil }).extension,
    ).toEqual({
      state: 'open',
    })
    expect(
      permitEntries({ permitType: 'short_term', today: '2026-06-30', validUntil }).extension,
    ).toEqual({
      state: 'open',
    })
  })

  it('offers nothing after the last valid day', () => {
    expect(permitEntries({ permitType: 'short_term', today: '2026-07-01', validUntil })).toEqual({
      extension: { state: 'expired' },
      changeType: false,
    })
  })

  it('offers no extension of a long-term permit, nor of a staff-only one (art. 42, 46, 48)', () => {
    const today = '2026-06-01'
    expect(permitEntries({ permitType: 'long_term', today, validUntil })).toEqual({
      extension: { state: 'long_term_not_extended' },
      changeType: true,
    })
    expect(permitEntries({ permitType: 'humanitarian', today, validUntil }).extension).toEqual({
      state: 'not_self_service',
    })
  })

  it('allows a change of type while the permit is valid, even before the window', () => {
    expect(
      permitEntries({ permitType: 'short_term', today: '2026-01-01', validUntil }).changeType,
    ).toBe(true)
    expect(
      permitEntries({ permitType: 'short_term', today: '2026-06-30', validUntil }).changeType,
    ).toBe(true)
  })
})

describe('cardState', () => {
  it('follows the granting application, and is issued without one', () => {
    expect(cardState('approved')).toBe('in_production')
    expect(cardState('card_printing')).toBe('printing')
    expect(cardState('handed_to_post')).toBe('with_post')
    expect(cardState('delivered')).toBe('delivered')
    expect(cardState('returned_to_directorate')).toBe('at_directorate')
    expect(cardState(null)).toBe('issued')
    expect(cardState('closed')).toBe('issued')
  })
})
