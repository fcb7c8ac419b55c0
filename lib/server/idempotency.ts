import 'server-only'
import { createHash } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { idempotencyKeys } from '@/db/schema'

import { domainErrorOf, withRetries, type Tx } from './transaction'

export type { Tx } from './transaction'
export { Busy, DatabaseUnavailable, pgCode } from './transaction'
export type Outcome = { ok: boolean } & Record<string, unknown>

/** Thrown inside the work to roll everything back (the key too) and answer `result`. */
export class Refusal<R extends Outcome> extends Error {
  constructor(readonly result: R) {
    super('refused')
  }
}

export function requestHash(operation: string, input: unknown): string {
  return createHash('sha256')
    .update(`${operation}:${JSON.stringify(input)}`)
    .digest('hex')
}

type Claim = { userId: string; key: string; operation: string; requestHash: string }

/**
 * The answer stored for this key, `key_reused` when the key was used for another request, or
 * null when it is unused. Lets an operation with checks outside its transaction answer a
 * replay the same as the first time, before the checks.
 */
export async function storedAnswer<R extends Outcome>(
  claim: Claim,
): Promise<R | { ok: false; reason: 'key_reused' } | null> {
  const db = await getDb()
  const [stored] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, claim.userId), eq(idempotencyKeys.key, claim.key)))
  if (!stored) return null
  if (stored.requestHash !== claim.requestHash || stored.operation !== claim.operation)
    return { ok: false, reason: 'key_reused' }
  return stored.response as R
}

/**
 * Runs `work` once per (user, key): the key row is written in the same transaction as the
 * work, so a parallel duplicate waits on it and then reads the stored answer (security.md
 * §5.2). A refusal rolls back and keeps the key free for a corrected request. The same key
 * with another request answers `key_reused`.
 */
export async function runIdempotent<R extends Outcome>(
  claim: Claim,
  work: (tx: Tx) => Promise<R>,
): Promise<R | { ok: false; reason: 'key_reused' }> {
  const db = await getDb()
  try {
    // The key row and the work commit together or not at all (BL-05): after a lost connection
    // or a restart the repeat either finds the stored answer or runs the work the first time.
    const result = await withRetries(() =>
      db.transaction(async (tx) => {
        const claimed = await tx
          .insert(idempotencyKeys)
          .values({ ...claim, response: {} })
          .onConflictDoNothing()
          .returning({ key: idempotencyKeys.key })
        if (claimed.length === 0) return null
        const answer = await work(tx)
        await tx
          .update(idempotencyKeys)
          .set({ response: answer })
          .where(and(eq(idempotencyKeys.userId, claim.userId), eq(idempotencyKeys.key, claim.key)))
        return answer
      }),
    )
    if (result) return result
    return (await storedAnswer<R>(claim)) ?? { ok: false, reason: 'key_reused' }
  } catch (error) {
    if (error instanceof Refusal) return error.result as R
    throw domainErrorOf(error)
  }
}
