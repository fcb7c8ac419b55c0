// How long this directorate takes to decide this kind of application, from decided ones: the
// median and the 80th percentile in days, beside the law's maximum. Below a minimum number of
// decisions the figure would mislead, so the portal says there is not enough data.

export const ESTIMATE_MIN_DECISIONS = 20

export type DecisionEstimate =
  | { kind: 'estimate'; medianDays: number; p80Days: number; decisions: number }
  | { kind: 'not_enough_data'; decisions: number }

export function decisionEstimate(
  decisions: number,
  medianDays: number | null,
  p80Days: number | null,
): DecisionEstimate {
  if (decisions < ESTIMATE_MIN_DECISIONS || medianDays === null || p80Days === null)
    return { kind: 'not_enough_data', decisions }
  return {
    kind: 'estimate',
    medianDays: Math.max(1, Math.round(medianDays)),
    p80Days: Math.max(1, Math.round(p80Days)),
    decisions,
  }
}
