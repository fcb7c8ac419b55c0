import 'server-only'
import { eq, sql } from 'drizzle-orm'
import { sessions } from '@/db/schema'
import { secondFactorTriesLeft } from '@/lib/domain/second-factor/second-factor'
import { writeAudit } from '../../audit'
import { inTransaction } from '../../transaction'
import type { SecondStep } from './second-step'

export type WrongCode = { ok: false; triesLeft: number }

/**
 * Counts a wrong code against this session (SF-04). The fifth ends the session: the person
 * starts again with a new e-mailed code, which is itself limited (SI-02).
 */
export async function recordSecondFactorFailure(
  step: SecondStep,
  method: 'totp' | 'recovery' | 'enrolment',
): Promise<WrongCode> {
  return inTransaction(async (tx) => {
    const [row] = await tx
      .update(sessions)
      .set({ secondFactorFailures: sql`${sessions.secondFactorFailures} + 1` })
      .where(eq(sessions.sessionToken, step.sessionToken))
      .returning({ failures: sessions.secondFactorFailures })
    const triesLeft = secondFactorTriesLeft(row?.failures ?? Number.MAX_SAFE_INTEGER)
    if (triesLeft === 0)
      await tx.delete(sessions).where(eq(sessions.sessionToken, step.sessionToken))
    await writeAudit(tx, {
      actorUserId: step.userId,
      action: 'auth.second_factor_failed',
      entityType: 'user',
      entityId: step.userId,
      details: { method, triesLeft, sessionEnded: triesLeft === 0 },
    })
    return { ok: false, triesLeft }
  })
}
