// Rules of single short-term purposes (Law 6458 art. 31(1); domain.md §3), issue 12 item 17.
// (h) Turkish course: at most twice. (i) Recent graduate of a Turkish university: apply within
// six months of graduating, once. The brief marks (i) uncertain, so the numbers are data
// (short_term_purposes.max_grants, graduation_window_months) flagged for legal review.
import { addMonths, compareIsoDates, type IsoDate } from './dates'
import type { ShortTermPurposeCode } from './permit-types'

export type PurposeLimits = Partial<
  Record<ShortTermPurposeCode, { maxGrants: number | null; graduationWindowMonths: number | null }>
>

export const PURPOSE_LIMITS: PurposeLimits = {
  turkish_course: { maxGrants: 2, graduationWindowMonths: null },
  recent_graduate: { maxGrants: 1, graduationWindowMonths: 6 },
}

export const PURPOSE_REASON_CODES = [
  'purpose_grants_used',
  'graduation_required',
  'graduation_in_future',
  'graduation_too_long_ago',
] as const
export type PurposeReason = (typeof PURPOSE_REASON_CODES)[number]

export type PurposeCheck =
  | { ok: true }
  | { ok: false; reason: 'purpose_grants_used'; maxGrants: number }
  | { ok: false; reason: 'graduation_required' | 'graduation_in_future' }
  | { ok: false; reason: 'graduation_too_long_ago'; deadline: IsoDate }

/**
 * `previousGrants`: how many permits with this purpose the person has held before (an
 * extension of one counts it). `graduatedOn` is asked for purpose (i) only.
 */
export function checkShortTermPurpose(input: {
  purpose: ShortTermPurposeCode
  previousGrants: number
  graduatedOn?: IsoDate | null
  today: IsoDate
  limits?: PurposeLimits
}): PurposeCheck {
  const limit = (input.limits ?? PURPOSE_LIMITS)[input.purpose]
  if (!limit) return { ok: true }
  if (limit.maxGrants !== null && input.previousGrants >= limit.maxGrants)
    return { ok: false, reason: 'purpose_grants_used', maxGrants: limit.maxGrants }
  if (limit.graduationWindowMonths === null) return { ok: true }
  if (!input.graduatedOn) return { ok: false, reason: 'graduation_required' }
  if (compareIsoDates(input.graduatedOn, input.today) > 0)
    return { ok: false, reason: 'graduation_in_future' }
  // Six months counted to the same day number, the day itself included.
  const deadline = addMonths(input.graduatedOn, limit.graduationWindowMonths)
  if (compareIsoDates(input.today, deadline) > 0)
    return { ok: false, reason: 'graduation_too_long_ago', deadline }
  return { ok: true }
}
