import 'server-only'
import { desc, eq, lte } from 'drizzle-orm'
import { getDb } from '@/db'
import { feeTariffs, nationalityFeeGroups, permitTypes } from '@/db/schema'
import { calculateFee, type FeeBreakdown } from '@/lib/domain/permits/fees'
import { isIndefinitePermitType } from '@/lib/domain/permits/permit-types'
import { todayInIstanbul } from '../clock'
import type { Tx } from '../idempotency'
import type { MyApplication } from './my-application'

type Reader = Pick<Tx, 'select'>

/**
 * The fee of an application with the tariff in force on `today`: the card fee, and the permit
 * fee unless the nationality's group or the permit category is exempt (domain.md §8).
 */
export async function feeFor(
  db: Reader,
  input: { nationality: string; months: number | null; permitTypeCode: string; today: string },
): Promise<FeeBreakdown> {
  const [tariff] = await db
    .select()
    .from(feeTariffs)
    .where(lte(feeTariffs.validFrom, input.today))
    .orderBy(desc(feeTariffs.validFrom))
    .limit(1)
  if (!tariff) throw new Error('no fee tariff in force')
  const [category] = await db
    .select({ exempt: permitTypes.permitFeeExempt })
    .from(permitTypes)
    .where(eq(permitTypes.code, input.permitTypeCode))
  const groups = Object.fromEntries(
    (await db.select().from(nationalityFeeGroups)).map((g) => [g.countryCode, g.groupCode]),
  )
  return calculateFee({
    tariff: {
      cardFeeKurus: tariff.cardFeeKurus,
      groups: tariff.groups,
      defaultGroup: tariff.defaultGroup,
    },
    nationalityGroups: groups,
    nationality: input.nationality,
    months: input.months,
    categoryExempt: category?.exempt ?? false,
  })
}

/**
 * What the caller's draft will cost if sent today, for the review step: null while the
 * nationality or the period is not answered yet. The caller has already loaded `app` as its
 * own (getMyApplication), so nothing here reads another person's data.
 */
export async function quoteMyFee(app: MyApplication): Promise<FeeBreakdown | null> {
  const personal = (app.formData.personal ?? {}) as Record<string, unknown>
  const permit = (app.formData.permit ?? {}) as Record<string, unknown>
  const nationality = personal.nationality
  // Art. 42: a long-term permit is indefinite and has no months to count.
  const months = isIndefinitePermitType(app.permitTypeCode) ? null : Number(permit.requestedMonths)
  if (typeof nationality !== 'string') return null
  if (months !== null && (!Number.isSafeInteger(months) || months < 1)) return null
  return feeFor(await getDb(), {
    nationality,
    months,
    permitTypeCode: app.permitTypeCode,
    today: todayInIstanbul(),
  })
}
