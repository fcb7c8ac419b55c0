import { describe, expect, it } from 'vitest'
import { isOfferOpen, OFFER_MINUTES, offerExpiresAt } from './waitlist-offer'

const now = new Date('2026-12-01T09:00:00Z')

describe('waitlist offers', () => {
  it('keep the place for OFFER_MINUTES', () => {
    expect(offerExpiresAt(now).getTime() - now.getTime()).toBe(OFFER_MINUTES * 60_000)
  })

  it('are open only while offered and not past their time', () => {
    const expires = offerExpiresAt(now)
    expect(isOfferOpen({ status: 'offered', offerExpiresAt: expires }, now)).toBe(true)
    expect(isOfferOpen({ status: 'offered', offerExpiresAt: expires }, expires)).toBe(true)
    expect(
      isOfferOpen({ status: 'offered', offerExpiresAt: expires }, new Date(expires.getTime() + 1)),
    ).toBe(false)
    expect(isOfferOpen({ status: 'waiting', offerExpiresAt: expires }, now)).toBe(false)
    expect(isOfferOpen({ status: 'offered', offerExpiresAt: null }, now)).toBe(false)
  })
})
