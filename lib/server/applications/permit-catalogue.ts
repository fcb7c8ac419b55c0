import 'server-only'
import { getDb, type Db } from '@/db'
import { permitTypes, shortTermPurposes } from '@/db/schema'
import type { PermitCatalogue, ShortTermPurposeCode } from '@/lib/domain/permits/permit-types'

/** Maximum durations as the national admin keeps them in the database. */
export async function loadPermitCatalogue(reader?: Pick<Db, 'select'>): Promise<PermitCatalogue> {
  // Inside a transaction pass its handle: embedded PGlite has one connection.
  const db = reader ?? (await getDb())
  const [types, purposes] = await Promise.all([
    db.select().from(permitTypes),
    db.select().from(shortTermPurposes),
  ])
  return {
    permitTypes: Object.fromEntries(
      types.map((t) => [t.code, { maxMonthsPerGrant: t.maxMonthsPerGrant }]),
    ) as PermitCatalogue['permitTypes'],
    purposes: Object.fromEntries(
      purposes.map((p) => [p.code, { maxMonthsPerGrant: p.maxMonthsPerGrant }]),
    ) as Partial<Record<ShortTermPurposeCode, { maxMonthsPerGrant: number | null }>>,
  }
}
