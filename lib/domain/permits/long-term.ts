// Long-term residence permit eligibility (Law 6458 art. 42–43; domain brief §3 and §7): eight
// years of uninterrupted residence on permits, student time counting half, no social assistance
// in the last three years, sufficient income, health insurance, and not an excluded status.
// This is an advisory pre-check for the applicant; the governorate decides with the Ministry.
import { addMonths, daysBetween, toEpochDay, type IsoDate } from './dates'
import type { PermitTypeCode } from './permit-types'

export const LONG_TERM_REASON_CODES = [
  'not_enough_years',
  'interrupted_residence',
  'social_assistance',
  'no_income',
  'no_insurance',
  'excluded_status',
] as const
export type LongTermReason = (typeof LONG_TERM_REASON_CODES)[number]

export const LONG_TERM_REQUIRED_YEARS = 8

export type PermitPeriod = { type: PermitTypeCode; from: IsoDate; until: IsoDate }

export type LongTermEligibility = {
  eligible: boolean
  reasons: LongTermReason[]
  /** For display, floored to two decimals; eligibility itself compares days, not this. */
  countedYears: number
  /** Weighted days counted back from yesterday; student days add a half. */
  countedDays: number
  /** The qualifying period in days: yesterday back to the same date `requiredYears` ago. */
  requiredDays: number
}

// Weights in half-days so the sums stay integers. Humanitarian permits count nothing and, as
// they are no route to long-term (art. 42(2)), their days break the chain like a gap; the
// brief is silent on trafficking-victim permits, so they count as ordinary permit time.
const HALF_DAYS_PER_DAY: Record<PermitTypeCode, number> = {
  short_term: 2,
  family: 2,
  student: 1,
  long_term: 2,
  humanitarian: 0,
  trafficking_victim: 2,
}

/**
 * Whole months in `days` of residence counted back from `today`, for the message "you have 7
 * years and 11 months": the most months m whose span before today fits in those days.
 */
export function wholeMonthsCounted(today: IsoDate, days: number): number {
  let months = 0
  while (daysBetween(addMonths(today, -(months + 1)), today) <= days) months++
  return months
}

export function checkLongTermEligibility(input: {
  today: IsoDate
  permits: readonly PermitPeriod[]
  receivedSocialAssistanceInLast3Years: boolean
  hasSufficientIncome: boolean
  hasHealthInsurance: boolean
  /** Refugee, conditional refugee, subsidiary or temporary protection, humanitarian permit. */
  holdsExcludedStatus: boolean
  /**
   * Longest run of days without a counting permit that still leaves the residence
   * "uninterrupted". The brief gives no tolerance, so the default is 0; gap days never count.
   */
  maxGapDays?: number
  requiredYears?: number
}): LongTermEligibility {
  const { today, permits } = input
  const maxGapDays = input.maxGapDays ?? 0
  const requiredYears = input.requiredYears ?? LONG_TERM_REQUIRED_YEARS
  if (!Number.isSafeInteger(maxGapDays) || maxGapDays < 0) {
    throw new RangeError(`maxGapDays must be a non-negative integer: ${maxGapDays}`)
  }
  if (!Number.isSafeInteger(requiredYears) || requiredYears < 1) {
    throw new RangeError(`requiredYears must be a positive integer: ${requiredYears}`)
  }

  // Only completed days count: someone whose permits start on 2018-03-01 completes eight years
  // at the end of 2026-02-28 and qualifies on 2026-03-01, the anniversary.
  const todayDay = toEpochDay(today)
  const lastDay = todayDay - 1
  const requiredDays = daysBetween(addMonths(today, -12 * requiredYears), today)

  const spans = permits.map((p) => {
    const from = toEpochDay(p.from)
    const until = toEpochDay(p.until)
    if (from > until) throw new RangeError(`permit ends before it starts: ${p.from} > ${p.until}`)
    return { type: p.type, from, until, weight: HALF_DAYS_PER_DAY[p.type] }
  })
  const counting = spans
    .map((s) => ({ ...s, until: Math.min(s.until, lastDay) }))
    .filter((s) => s.weight > 0 && s.from <= s.until)
  const earliest = Math.min(...counting.map((s) => s.from))

  // Walk back one day at a time: permits overlap (student and family at once), and the best
  // permit on each day decides its weight. A few thousand days, a few permits: cheap.
  let countedHalfDays = 0
  let gapRun = 0
  let interrupted = false
  for (let day = lastDay; day >= earliest; day--) {
    let weight = 0
    for (const s of counting) {
      if (s.from <= day && day <= s.until && s.weight > weight) weight = s.weight
    }
    if (weight === 0) {
      gapRun++
      if (gapRun > maxGapDays) {
        interrupted = true
        break
      }
    } else {
      gapRun = 0
      countedHalfDays += weight
    }
  }

  const countedDays = countedHalfDays / 2
  const enough = countedDays >= requiredDays
  const currentlyHumanitarian = spans.some(
    (s) => s.type === 'humanitarian' && s.from <= todayDay && todayDay <= s.until,
  )

  const reasons: LongTermReason[] = []
  if (!enough) reasons.push('not_enough_years')
  // Only worth saying when the break is what kept earlier permit time from counting.
  if (!enough && interrupted) reasons.push('interrupted_residence')
  if (input.receivedSocialAssistanceInLast3Years) reasons.push('social_assistance')
  if (!input.hasSufficientIncome) reasons.push('no_income')
  if (!input.hasHealthInsurance) reasons.push('no_insurance')
  if (input.holdsExcludedStatus || currentlyHumanitarian) reasons.push('excluded_status')

  return {
    eligible: reasons.length === 0,
    reasons,
    countedYears: Math.floor((countedDays / 365.25) * 100) / 100,
    countedDays,
    requiredDays,
  }
}
