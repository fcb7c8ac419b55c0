import 'server-only'
import { and, asc, gt, isNotNull, or, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import type { Db } from '@/db/client'
import { applications, residencePermits, staffTotpFactors } from '@/db/schema'
import { fieldKeys } from '../env'
import { openField } from './field-encryption'
import {
  CONTEXT,
  FOREIGNER_ID_FIELD,
  IN_PLACE,
  openIdentityNumbers,
  PASSPORT_FIELD,
  sealIdentityNumbers,
  sealPermitHolderId,
} from './identity-numbers'
import { openTotpSecret, sealTotpSecret } from './totp-secret-seal'

// One routine behind `npm run db:seal-identity-numbers` and `npm run db:rotate-field-keys`
// (SECURITY.md PD-05): every row that still holds a clear number, or a value sealed with
// another key than the first of FIELD_ENCRYPTION_KEYS (staff TOTP secrets too), is opened and
// sealed again with the first key, its lookup hashes computed afresh. A second run finds nothing to do. `all` takes
// every row, for a new FIELD_LOOKUP_KEY (the hashes cannot be told apart by their key).
// Batches of `batchSize` rows, each in its own transaction, rows locked and skipped when
// another run holds them, so it can run beside the live app.

export type ResealOptions = { all?: boolean; batchSize?: number }
export type ResealCount = { applications: number; permits: number; totpSecrets: number }

const jsonText = (path: readonly string[]) =>
  sql`${applications.formData} #>> ${`{${path.join(',')}}`}::text[]`

/** A value present and not sealed with the current key (a clear value never starts with v1.). */
function notUnderKey(value: SQL | AnyColumn, prefix: string): SQL {
  return sql`(${value} is not null and ${value} not like ${`${prefix}%`})`
}

function applicationsToReseal(prefix: string): SQL {
  return or(
    sql`${jsonText([PASSPORT_FIELD.section, PASSPORT_FIELD.key])} is not null`,
    sql`${jsonText([FOREIGNER_ID_FIELD.section, FOREIGNER_ID_FIELD.key])} is not null`,
    notUnderKey(applications.passportNumberSealed, prefix),
    notUnderKey(applications.foreignerIdSealed, prefix),
    ...IN_PLACE.map(({ path }) => notUnderKey(jsonText(path), prefix)),
  )!
}

async function resealApplicationBatch(db: Db, after: string, where: SQL | undefined, size: number) {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: applications.id,
        formData: applications.formData,
        passportNumberSealed: applications.passportNumberSealed,
        foreignerIdSealed: applications.foreignerIdSealed,
      })
      .from(applications)
      .where(and(gt(applications.id, after), where))
      .orderBy(asc(applications.id))
      .limit(size)
      .for('update', { skipLocked: true })
    for (const row of rows) {
      // A clear number left in form_data is taken as it stands; sealed ones are opened.
      const { formData, columns } = sealIdentityNumbers(openIdentityNumbers(row.formData, row))
      await tx
        .update(applications)
        .set({ formData, ...columns })
        .where(sql`${applications.id} = ${row.id}`)
    }
    return rows.map((r) => r.id)
  })
}

async function resealPermitBatch(db: Db, after: string, where: SQL | undefined, size: number) {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: residencePermits.id,
        clear: residencePermits.holderForeignerId,
        sealed: residencePermits.holderForeignerIdSealed,
      })
      .from(residencePermits)
      .where(and(gt(residencePermits.id, after), where))
      .orderBy(asc(residencePermits.id))
      .limit(size)
      .for('update', { skipLocked: true })
    for (const row of rows) {
      const number =
        row.clear ?? (row.sealed ? openField(row.sealed, CONTEXT.permitHolderForeignerId) : null)
      await tx
        .update(residencePermits)
        .set({ holderForeignerId: null, ...sealPermitHolderId(number) })
        .where(sql`${residencePermits.id} = ${row.id}`)
    }
    return rows.map((r) => r.id)
  })
}

/** Staff TOTP secrets (SF-06) are always sealed; only a key rotation moves them. */
async function resealTotpBatch(db: Db, after: string, where: SQL | undefined, size: number) {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ userId: staffTotpFactors.userId, secret: staffTotpFactors.secret })
      .from(staffTotpFactors)
      .where(and(gt(staffTotpFactors.userId, after), where))
      .orderBy(asc(staffTotpFactors.userId))
      .limit(size)
      .for('update', { skipLocked: true })
    for (const row of rows) {
      await tx
        .update(staffTotpFactors)
        .set({ secret: sealTotpSecret(openTotpSecret(row.secret)) })
        .where(sql`${staffTotpFactors.userId} = ${row.userId}`)
    }
    return rows.map((r) => r.userId)
  })
}

async function everyBatch(run: (after: string) => Promise<string[]>): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000'
  let count = 0
  for (;;) {
    const ids = await run(after)
    if (ids.length === 0) return count
    count += ids.length
    after = ids[ids.length - 1]!
  }
}

export async function resealIdentityNumbers(
  db: Db,
  options: ResealOptions = {},
): Promise<ResealCount> {
  const size = options.batchSize ?? 500
  const prefix = `v1.${fieldKeys().sealing[0]!.id}.`
  const applicationWhere = options.all ? undefined : applicationsToReseal(prefix)
  const permitWhere = options.all
    ? undefined
    : or(
        isNotNull(residencePermits.holderForeignerId),
        notUnderKey(residencePermits.holderForeignerIdSealed, prefix),
      )
  return {
    applications: await everyBatch((after) =>
      resealApplicationBatch(db, after, applicationWhere, size),
    ),
    permits: await everyBatch((after) => resealPermitBatch(db, after, permitWhere, size)),
    totpSecrets: await everyBatch((after) =>
      resealTotpBatch(
        db,
        after,
        options.all ? undefined : notUnderKey(staffTotpFactors.secret, prefix),
        size,
      ),
    ),
  }
}
