// Fees (domain brief §8), in kuruş so every sum is an exact integer. Two parts: the card fee,
// which everyone pays (no nationality is exempt), and the permit fee, set per nationality on
// reciprocity in groups; some groups pay no permit fee. Amounts change every year, so the
// tariff and the country table are data passed in (fee_tariffs, nationality_fee_groups).
//
// Simplification: the real tariff charges a per-day rate in the first month, bounded by a
// minimum and a maximum; every permit here lasts whole months, so the first month is one flat
// amount, then a per-month rate. Part months count as whole months.

export type FeeGroup = { exempt: boolean; firstMonthKurus: number; perAdditionalMonthKurus: number }

export type FeeTariff = {
  cardFeeKurus: number
  groups: Record<string, FeeGroup>
  /** For nationalities outside the country table; they pay the Turkish-lira tariff. */
  defaultGroup: string
}

/** ISO 3166-1 alpha-2 country code → fee group code. */
export type NationalityGroups = Record<string, string>

export type FeeBreakdown = {
  cardFeeKurus: number
  permitFeeKurus: number
  totalKurus: number
  group: string
  /** Why no permit fee is due, if none is. */
  exemption: PermitFeeExemption | null
}

export type PermitFeeExemption = 'nationality' | 'category'

/**
 * The card fee and the permit fee, apart (they are paid under different codes, §8). The
 * permit fee is waived in two independent ways (§8: "several nationalities/categories pay no
 * permit fee (still pay the card)"): by nationality, where reciprocity puts the country in an
 * exempt group, and by category, where the permit type is exempt whatever the nationality
 * (`categoryExempt`, from permit_types.permit_fee_exempt). Neither waives the card fee:
 * "no nationality is exempt" from it (§8, Law 210).
 */
export function calculateFee(input: {
  tariff: FeeTariff
  nationalityGroups: NationalityGroups
  nationality: string
  /** null: an indefinite permit (long-term, art. 42), charged once, not per month. */
  months: number | null
  categoryExempt?: boolean
}): FeeBreakdown {
  const { tariff, nationalityGroups, months } = input
  if (months !== null && (!Number.isSafeInteger(months) || months < 1)) {
    throw new RangeError(`months must be a positive integer: ${months}`)
  }
  const nationality = input.nationality.toUpperCase()
  // Own properties only, so a code such as 'constructor' cannot reach Object.prototype.
  const group = Object.hasOwn(nationalityGroups, nationality)
    ? nationalityGroups[nationality]!
    : tariff.defaultGroup
  if (!Object.hasOwn(tariff.groups, group)) {
    throw new RangeError(`fee group ${JSON.stringify(group)} is not in the tariff`)
  }
  const rates = tariff.groups[group]!
  const cardFeeKurus = kurus(tariff.cardFeeKurus, 'cardFeeKurus')
  const exemption: PermitFeeExemption | null = rates.exempt
    ? 'nationality'
    : input.categoryExempt
      ? 'category'
      : null
  const permitFeeKurus = exemption
    ? 0
    : kurus(rates.firstMonthKurus, 'firstMonthKurus') +
      // An indefinite permit pays the first-month amount once. The brief gives no long-term
      // tariff (§8); the published one replaces this when the tariff carries it.
      ((months ?? 1) - 1) * kurus(rates.perAdditionalMonthKurus, 'perAdditionalMonthKurus')
  const totalKurus = cardFeeKurus + permitFeeKurus
  if (!Number.isSafeInteger(totalKurus)) throw new RangeError('fee total out of range')
  return { cardFeeKurus, permitFeeKurus, totalKurus, group, exemption }
}

function kurus(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer of kuruş: ${value}`)
  }
  return value
}

// ---------------------------------------------------------------------------------------------
// DEMONSTRATION VALUES ONLY — not the real tariff. They let a fresh clone and the tests show
// sensible totals. The card fee is the 2026 figure of 964 TL that the brief found in two
// secondary sources with low confidence; the group amounts and the country assignments below
// are invented. The national admin loads the published tariff into fee_tariffs.
// ---------------------------------------------------------------------------------------------

export const DEMO_FEE_TARIFF: FeeTariff = {
  cardFeeKurus: 96_400,
  groups: {
    A: { exempt: false, firstMonthKurus: 240_000, perAdditionalMonthKurus: 60_000 },
    B: { exempt: false, firstMonthKurus: 180_000, perAdditionalMonthKurus: 45_000 },
    C: { exempt: false, firstMonthKurus: 120_000, perAdditionalMonthKurus: 30_000 },
    D: { exempt: false, firstMonthKurus: 90_000, perAdditionalMonthKurus: 22_500 },
    E: { exempt: false, firstMonthKurus: 60_000, perAdditionalMonthKurus: 15_000 },
    EXEMPT: { exempt: true, firstMonthKurus: 0, perAdditionalMonthKurus: 0 },
    TL: { exempt: false, firstMonthKurus: 40_000, perAdditionalMonthKurus: 10_000 },
  },
  defaultGroup: 'TL',
}

// Invented assignments for the demo; they say nothing about any country's real fee group.
export const DEMO_NATIONALITY_GROUPS: NationalityGroups = {
  US: 'A',
  GB: 'B',
  DE: 'C',
  RU: 'D',
  IR: 'E',
  AZ: 'EXEMPT',
  KZ: 'EXEMPT',
}
