// Per-agent lookup volume, for the supervisor's view (security.md: "per-agent lookup volume is
// watched for unusual spikes"). An agent is compared with themself: a busy agent on a busy
// day is normal, a quiet agent who suddenly looks up many cases is worth a question.

/** A day on which the agent made lookups (YYYY-MM-DD, Türkiye time) and how many. */
export type AgentDay = { day: string; lookups: number }

export type MarkedDay = AgentDay & { unusual: boolean }

export type AgentVolume = {
  /** The median of the agent's days with lookups; null below MIN_DAYS_FOR_BASELINE. */
  median: number | null
  days: MarkedDay[]
}

/** A day counts as unusual above this many times the agent's median day. */
export const SPIKE_FACTOR = 3

/**
 * Below this many days with lookups there is no baseline to compare with: with one or two
 * days, the median is one of those same days (or halfway between them), so nothing is marked.
 */
export const MIN_DAYS_FOR_BASELINE = 3

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * Marks the days above SPIKE_FACTOR times the agent's median over the period given (the
 * caller passes 30 days). Days without lookups are not in the list and do not pull the
 * median down: an agent who works three days a week is measured on the days they work.
 * Newest day first.
 */
export function markUnusualDays(days: readonly AgentDay[]): AgentVolume {
  const worked = days.filter((d) => d.lookups > 0)
  const base = worked.length >= MIN_DAYS_FOR_BASELINE ? median(worked.map((d) => d.lookups)) : null
  return {
    median: base,
    days: [...worked]
      .sort((a, b) => b.day.localeCompare(a.day))
      .map((d) => ({ ...d, unusual: base !== null && d.lookups > SPIKE_FACTOR * base })),
  }
}
