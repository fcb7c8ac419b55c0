import 'server-only'
import { and, eq, isNull } from 'drizzle-orm'
import { staffTotpFactors } from '@/db/schema'
import { AccessDenied } from '../../actor'
import { inTransaction } from '../../transaction'
import { createRecoveryCodes } from './recovery-codes'
import { recordSecondFactorFailure, type WrongCode } from './second-factor-failure'
import { passSecondStep, requireSecondStep } from './second-step'
import { acceptTotpCode } from './totp-code'

/**
 * Confirms the new factor with a code from the app. In one transaction: the factor counts
 * from now, ten recovery codes replace any old ones, this session has passed the second
 * factor, and the audit row. The recovery codes are returned to be shown once.
 */
export async function confirmTotpEnrolment(
  code: string,
): Promise<{ ok: true; recoveryCodes: string[] } | WrongCode> {
  const step = await requireSecondStep()
  if (step.enrolled) throw new AccessDenied('not_found')
  const recoveryCodes = await inTransaction(async (tx) => {
    if (!(await acceptTotpCode(tx, step.userId, code))) return null
    const confirmed = await tx
      .update(staffTotpFactors)
      .set({ confirmedAt: new Date() })
      .where(and(eq(staffTotpFactors.userId, step.userId), isNull(staffTotpFactors.confirmedAt)))
      .returning({ userId: staffTotpFactors.userId })
    if (confirmed.length === 0) return null
    const codes = await createRecoveryCodes(tx, step.userId)
    await passSecondStep(tx, step, 'auth.second_factor_enrolled', {
      method: 'totp',
      recoveryCodes: codes.length,
    })
    return codes
  })
  if (!recoveryCodes) return recordSecondFactorFailure(step, 'enrolment')
  return { ok: true, recoveryCodes }
}
