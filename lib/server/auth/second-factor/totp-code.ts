import 'server-only'
import { and, eq, isNull, lt, or } from 'drizzle-orm'
import { generate, generateSecret, generateURI, verify } from 'otplib'
import type { Db } from '@/db'
import { staffTotpFactors } from '@/db/schema'
import {
  TOTP_DIGITS,
  TOTP_DRIFT_STEPS,
  TOTP_PERIOD_SECONDS,
} from '@/lib/domain/second-factor/second-factor'
import { readTotpSecret } from './totp-secret'

// The name authenticator apps show above the code.
const ISSUER = 'Ikamet'

export const newTotpSecret = (): string => generateSecret({ length: 20 })

export const totpUri = (secret: string, email: string): string =>
  generateURI({
    issuer: ISSUER,
    label: email,
    secret,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  })

/** The code an app shows at `at` (the demo mailbox, and tests). */
export function totpCodeAt(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000), period: TOTP_PERIOD_SECONDS })
}

/**
 * Accepts a code once (SF-03): it must match the person's secret within one step of drift,
 * and its time step must be newer than the last accepted one. The step is taken with a
 * conditional UPDATE, so two requests with the same code cannot both pass.
 */
export async function acceptTotpCode(
  tx: Pick<Db, 'select' | 'update'>,
  userId: string,
  code: string,
  now = new Date(),
): Promise<boolean> {
  const factor = await readTotpSecret(tx, userId)
  if (!factor) return false
  const result = await verify({
    secret: factor.secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    period: TOTP_PERIOD_SECONDS,
    epochTolerance: TOTP_DRIFT_STEPS * TOTP_PERIOD_SECONDS,
  }).catch(() => ({ valid: false as const }))
  if (!result.valid || !('timeStep' in result)) return false
  const step = result.timeStep
  const taken = await tx
    .update(staffTotpFactors)
    .set({ lastUsedStep: step })
    .where(
      and(
        eq(staffTotpFactors.userId, userId),
        or(isNull(staffTotpFactors.lastUsedStep), lt(staffTotpFactors.lastUsedStep, step)),
      ),
    )
    .returning({ userId: staffTotpFactors.userId })
  return taken.length === 1
}
