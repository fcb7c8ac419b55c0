// When an application may be made (domain brief §4 and §7). Every check answers a reason code
// rather than a message, so the UI translates it and the API can return it as is. Dates are
// inclusive: "valid until 2026-05-10" means the 10th is still a valid day.
import { addDays, addMonths, compareIsoDates, type IsoDate } from './dates'

export const TIMING_REASON_CODES = [
  'legal_stay_ended',
  'extension_too_early',
  'permit_expired',
  'transition_deadline_passed',
  'no_ground_given',
  'passport_too_short',
] as const
export type TimingReason = (typeof TIMING_REASON_CODES)[number]

/** Days before expiry when the extension window opens (art. 24). */
export const EXTENSION_WINDOW_DAYS = 60
/** Days after the ground of a permit ended in which a transition must be filed (art. 29). */
export const TRANSITION_DEADLINE_DAYS = 10
/** How much longer than the requested permit the passport must stay valid (art. 21(2)). */
export const PASSPORT_MARGIN_DAYS = 60

export type FirstApplicationTiming = { ok: true } | { ok: false; reason: 'legal_stay_ended' }

/**
 * A first application is accepted only while the visa or visa-free stay still runs; a late one
 * is not taken and the person is asked to leave (§4). The last day of legal stay still counts.
 */
export function checkFirstApplicationTiming(input: {
  today: IsoDate
  legalStayUntil: IsoDate
}): FirstApplicationTiming {
  if (compareIsoDates(input.today, input.legalStayUntil) > 0) {
    return { ok: false, reason: 'legal_stay_ended' }
  }
  return { ok: true }
}

export type ExtensionWindow =
  | { ok: true }
  | { ok: false; reason: 'extension_too_early'; opensOn: IsoDate }
  | { ok: false; reason: 'permit_expired' }

/**
 * Extensions open `windowDays` before expiry and close at the end of the expiry day (art. 24).
 * Late extensions are not modelled: the brief's sources conflict on any grace period (§7).
 */
export function checkExtensionWindow(input: {
  today: IsoDate
  permitValidUntil: IsoDate
  windowDays?: number
}): ExtensionWindow {
  const windowDays = input.windowDays ?? EXTENSION_WINDOW_DAYS
  assertNonNegativeInteger(windowDays, 'windowDays')
  if (compareIsoDates(input.today, input.permitValidUntil) > 0) {
    return { ok: false, reason: 'permit_expired' }
  }
  const opensOn = addDays(input.permitValidUntil, -windowDays)
  if (compareIsoDates(input.today, opensOn) < 0) {
    return { ok: false, reason: 'extension_too_early', opensOn }
  }
  return { ok: true }
}

export type TransitionTiming =
  | { ok: true }
  | { ok: false; reason: 'transition_deadline_passed'; deadline: IsoDate }
  | { ok: false; reason: 'permit_expired' }
  | { ok: false; reason: 'no_ground_given' }

/**
 * Art. 29: when the ground of the current permit ended, the transition must be filed within 10
 * days (day 10 included) and the current permit is treated as ending on that day, so its
 * printed expiry no longer matters. With an additional ground the holder may switch at any
 * time while the current permit is valid, without waiting for the extension window.
 *
 * A ground end date in the future is accepted: the deadline is a latest date, not a window
 * start, and the permit is necessarily still valid on the days before the ground ends.
 */
export function checkTransitionTiming(input: {
  today: IsoDate
  groundEndedOn: IsoDate | null
  hasAdditionalGround: boolean
  currentPermitValidUntil: IsoDate
}): TransitionTiming {
  const { today, groundEndedOn, currentPermitValidUntil } = input
  if (groundEndedOn !== null) {
    // A ground that "ended" after the permit had already run out was not a permit's ground.
    if (compareIsoDates(groundEndedOn, currentPermitValidUntil) > 0) {
      return { ok: false, reason: 'permit_expired' }
    }
    const deadline = addDays(groundEndedOn, TRANSITION_DEADLINE_DAYS)
    if (compareIsoDates(today, deadline) > 0) {
      return { ok: false, reason: 'transition_deadline_passed', deadline }
    }
    return { ok: true }
  }
  if (!input.hasAdditionalGround) return { ok: false, reason: 'no_ground_given' }
  if (compareIsoDates(today, currentPermitValidUntil) > 0) {
    return { ok: false, reason: 'permit_expired' }
  }
  return { ok: true }
}

export type PassportValidity =
  { ok: true } | { ok: false; reason: 'passport_too_short'; latestAllowedEnd: IsoDate }

/**
 * The passport must outlive the requested permit by at least `marginDays` (art. 21(2)):
 * a passport valid until exactly end + 60 days is enough, end + 59 is not.
 */
export function checkPassportValidity(input: {
  passportValidUntil: IsoDate
  requestedEndDate: IsoDate
  marginDays?: number
}): PassportValidity {
  const marginDays = input.marginDays ?? PASSPORT_MARGIN_DAYS
  assertNonNegativeInteger(marginDays, 'marginDays')
  const latestAllowedEnd = addDays(input.passportValidUntil, -marginDays)
  if (compareIsoDates(input.requestedEndDate, latestAllowedEnd) > 0) {
    return { ok: false, reason: 'passport_too_short', latestAllowedEnd }
  }
  return { ok: true }
}

/**
 * Last valid day of a permit of `months` starting on `startDate`: the same day number `months`
 * later, clamped to the month's end. An extension starts on the old expiry date (art. 24), so
 * consecutive permits share that day rather than leaving or losing one.
 */
export function requestedEndDate(startDate: IsoDate, months: number): IsoDate {
  if (!Number.isSafeInteger(months) || months < 1) {
    throw new RangeError(`months must be a positive integer: ${months}`)
  }
  return addMonths(startDate, months)
}

function assertNonNegativeInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer: ${value}`)
  }
}
