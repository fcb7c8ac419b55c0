import 'server-only'
import type { SecondFactorInput } from '@/lib/domain/second-factor/second-factor'
import { AccessDenied } from '../../actor'
import { writeAudit } from '../../audit'
import { inTransaction } from '../../transaction'
import { useRecoveryCode } from './recovery-codes'
import { recordSecondFactorFailure, type WrongCode } from './second-factor-failure'
import { passSecondStep, requireSecondStep } from './second-step'
import { acceptTotpCode } from './totp-code'

/**
 * The second step of a later staff sign-in: a code from the app (once per time step, SF-03)
 * or a recovery code (once, SF-05). Success marks this session and is audited with the
 * method; a wrong code counts against the session (SF-04).
 */
export async function verifySecondFactor(
  input: SecondFactorInput,
): Promise<{ ok: true; recoveryCodesLeft: number | null } | WrongCode> {
  const step = await requireSecondStep()
  if (!step.enrolled) throw new AccessDenied('not_found')
  const passed = await inTransaction(async (tx) => {
    let recoveryCodesLeft: number | null = null
    if (input.kind === 'totp') {
      if (!(await acceptTotpCode(tx, step.userId, input.code))) return null
    } else {
      const used = await useRecoveryCode(tx, step.userId, input.code)
      if (!used) return null
      recoveryCodesLeft = used.left
      await writeAudit(tx, {
        actorUserId: step.userId,
        action: 'auth.recovery_code_used',
        entityType: 'user',
        entityId: step.userId,
        details: { left: used.left },
      })
    }
    await passSecondStep(tx, step, 'auth.second_factor_verified', { method: input.kind })
    return { recoveryCodesLeft }
  })
  if (!passed) return recordSecondFactorFailure(step, input.kind)
  return { ok: true, ...passed }
}
