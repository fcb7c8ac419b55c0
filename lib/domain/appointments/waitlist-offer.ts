// How long a freed place stays reserved for the one person it is offered to. Long enough to
// read the e-mail and open the portal, short enough that an unanswered offer does not waste
// the place. A constant for now; it could become a rule setting ('booking') like the hold.
export const OFFER_MINUTES = 30

export function offerExpiresAt(now: Date): Date {
  return new Date(now.getTime() + OFFER_MINUTES * 60_000)
}

export type WaitlistStatus = 'waiting' | 'offered' | 'accepted' | 'cancelled'

/** An offer can be taken while it is the entry's open offer and its time has not run out. */
export function isOfferOpen(
  entry: { status: WaitlistStatus; offerExpiresAt: Date | null },
  now: Date,
): boolean {
  return (
    entry.status === 'offered' &&
    entry.offerExpiresAt !== null &&
    entry.offerExpiresAt.getTime() >= now.getTime()
  )
}
