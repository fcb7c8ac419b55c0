// What a holder may start from a permit they hold, and where its card is (issue 10, "My
// permits"). The dates follow the same rules the server applies when the application starts
// (timing.ts), so a link shown here is never refused for its timing afterwards.
import type { ApplicationStatus } from '../application-status'
import { compareIsoDates, type IsoDate } from './dates'
import type { PermitTypeCode } from './permit-types'
import { checkExtensionWindow } from './timing'
import { checkExtensionType } from './type-changes'

export type ExtensionEntry =
  | { state: 'open' }
  | { state: 'not_yet'; opensOn: IsoDate }
  | { state: 'expired' }
  // Long-term permits are indefinite (art. 42); humanitarian and trafficking-victim permits
  // are renewed by staff (art. 46, 48–49). The same rule the server applies at the start.
  | { state: 'long_term_not_extended' }
  | { state: 'not_self_service' }

export type PermitEntries = {
  extension: ExtensionEntry
  /** A change of type (art. 29) is possible at any time while the permit is valid. */
  changeType: boolean
}

export function permitEntries(input: {
  today: IsoDate
  validUntil: IsoDate
  permitType: PermitTypeCode
}): PermitEntries {
  const changeType = compareIsoDates(input.today, input.validUntil) <= 0
  const byType = checkExtensionType(input.permitType)
  if (!byType.ok) return { extension: { state: byType.reason }, changeType }
  const window = checkExtensionWindow({ today: input.today, permitValidUntil: input.validUntil })
  const extension: ExtensionEntry = window.ok
    ? { state: 'open' }
    : window.reason === 'extension_too_early'
      ? { state: 'not_yet', opensOn: window.opensOn }
      : { state: 'expired' }
  return { extension, changeType }
}

export const CARD_STATES = [
  'in_production',
  'printing',
  'with_post',
  'delivered',
  'at_directorate',
  'issued',
] as const
export type CardState = (typeof CARD_STATES)[number]

const BY_STATUS: Partial<Record<ApplicationStatus, CardState>> = {
  approved: 'in_production',
  card_printing: 'printing',
  handed_to_post: 'with_post',
  delivered: 'delivered',
  returned_to_directorate: 'at_directorate',
}

/**
 * The card follows the status of the application that granted the permit. A permit from
 * before the portal (no application) was handed over long ago: its card is simply issued.
 */
export function cardState(grantingStatus: ApplicationStatus | null): CardState {
  return (grantingStatus && BY_STATUS[grantingStatus]) || 'issued'
}

/** A permit as its holder sees it: the permit, its card, and what they may start today. */
export type HeldPermit = PermitEntries & {
  id: string
  permitTypeCode: string
  purposeCode: string | null
  documentNumber: string
  validFrom: IsoDate
  validUntil: IsoDate
  cardState: CardState
  /** Only while the card is with the post. */
  postTrackingNumber: string | null
}
