import 'server-only'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { getDb } from '@/db'
import { ruleSettings } from '@/db/schema'

// Rules the domain brief marks uncertain are switches in the `rule_settings` table, so the
// authority can change them without a release. Each key has a type and a default for when
// there is no row.
type RuleValues = {
  // No official source says the foreigner number (99…) uses the T.C. check digits (domain.md
  // §6 caveat). Off: only the format is checked, so a real number is never refused.
  foreigner_id_checksum: boolean
  // Reg. art. 31(1)(a): a family sponsor earns at least a third of this per family member.
  // Changes every year, so it is data; in kuruş, the monthly net minimum wage.
  monthly_minimum_wage_kurus: number
}
export type RuleKey = keyof RuleValues

const RULES: { [K in RuleKey]: { schema: z.ZodType<RuleValues[K]>; fallback: RuleValues[K] } } = {
  foreigner_id_checksum: { schema: z.boolean(), fallback: false },
  // Demonstration value, the 2025 net figure (22,104.67 TL); the admin enters the year's.
  monthly_minimum_wage_kurus: { schema: z.int().nonnegative(), fallback: 2_210_467 },
}

/**
 * The current value of one rule. Read on every call, not cached: every app instance sees a
 * change at once. A row of the wrong type counts as no row, and is logged.
 */
export async function loadRuleSetting<K extends RuleKey>(key: K): Promise<RuleValues[K]> {
  const rule = RULES[key]
  const db = await getDb()
  const [row] = await db
    .select({ value: ruleSettings.value })
    .from(ruleSettings)
    .where(eq(ruleSettings.key, key))
  if (!row) return rule.fallback
  const parsed = rule.schema.safeParse(row.value)
  if (parsed.success) return parsed.data
  console.error(`rule_settings: ${key} has a value of the wrong type; using the default`)
  return rule.fallback
}
