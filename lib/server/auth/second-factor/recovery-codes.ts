import 'server-only'
import { createHash, randomInt } from 'node:crypto'
import { and, count, eq, isNull } from 'drizzle-orm'
import type { Db } from '@/db'
import { staffRecoveryCodes } from '@/db/schema'
import {
  formatRecoveryCode,
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_LENGTH,
} from '@/lib/domain/second-factor/second-factor'

// 60 random bits per code make a plain SHA-256 enough (SF-05): there is nothing to guess from.
const hashOf = (normalised: string) => createHash('sha256').update(normalised).digest('hex')

/** Replaces the person's recovery codes with new ones; the codes are returned once, to show. */
export async function createRecoveryCodes(
  tx: Pick<Db, 'insert' | 'delete'>,
  userId: string,
): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    formatRecoveryCode(
      Array.from({ length: RECOVERY_CODE_LENGTH }, () => randomInt(RECOVERY_CODE_ALPHABET.length)),
    ),
  )
  await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId))
  await tx
    .insert(staffRecoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashOf(code.replaceAll('-', '')) })))
  return codes
}

/**
 * Uses up one recovery code (`normalised` as `normaliseRecoveryCode` gives it). A code works
 * once: the conditional UPDATE lets exactly one request take it. Null when it is not one of
 * the person's unused codes; otherwise how many unused ones are left.
 */
export async function useRecoveryCode(
  tx: Pick<Db, 'select' | 'update'>,
  userId: string,
  normalised: string,
): Promise<{ left: number } | null> {
  const used = await tx
    .update(staffRecoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(staffRecoveryCodes.userId, userId),
        eq(staffRecoveryCodes.codeHash, hashOf(normalised)),
        isNull(staffRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: staffRecoveryCodes.id })
  if (used.length === 0) return null
  const [row] = await tx
    .select({ left: count() })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.userId, userId), isNull(staffRecoveryCodes.usedAt)))
  return { left: row?.left ?? 0 }
}
