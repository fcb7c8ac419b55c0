import 'server-only'
import { eq } from 'drizzle-orm'
import type { Db } from '@/db'
import { staffTotpFactors } from '@/db/schema'
import { openTotpSecret, sealTotpSecret } from '../../crypto/totp-secret-seal'

type Reader = Pick<Db, 'select'>
type Writer = Pick<Db, 'insert'>

export type TotpFactor = { secret: string; confirmed: boolean; lastUsedStep: number | null }

// The only reader and the only writer of `staff_totp_factors.secret` (the seed and the e2e
// helper excepted, see SECURITY.md SF-06). The secret is stored sealed (AES-256-GCM, PD-02).

/** A person's TOTP factor, confirmed or still being set up; null when there is none. */
export async function readTotpSecret(db: Reader, userId: string): Promise<TotpFactor | null> {
  const [row] = await db
    .select({
      secret: staffTotpFactors.secret,
      confirmedAt: staffTotpFactors.confirmedAt,
      lastUsedStep: staffTotpFactors.lastUsedStep,
    })
    .from(staffTotpFactors)
    .where(eq(staffTotpFactors.userId, userId))
  if (!row) return null
  return {
    secret: openTotpSecret(row.secret),
    confirmed: row.confirmedAt !== null,
    lastUsedStep: row.lastUsedStep,
  }
}

/** Stores a new, unconfirmed secret unless the person already has one (which then stays). */
export async function writeTotpSecret(db: Writer, userId: string, secret: string): Promise<void> {
  await db
    .insert(staffTotpFactors)
    .values({ userId, secret: sealTotpSecret(secret) })
    .onConflictDoNothing()
}
