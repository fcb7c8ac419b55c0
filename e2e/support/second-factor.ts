import { generate } from 'otplib'
import { openTotpSecret } from '../../lib/server/crypto/totp-secret-seal'
import { e2eDb } from './e2e-db'

const PERIOD = 30
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const stepNow = () => Math.floor(Date.now() / 1000 / PERIOD)

/** The person's TOTP secret, as the seed or createStaffMember stored it (sealed, SF-06). */
export async function totpSecretOf(email: string): Promise<{ secret: string; lastUsed: number }> {
  const [row] = await e2eDb()<{ secret: string; last_used_step: string | null }[]>`
    select f.secret, f.last_used_step from staff_totp_factors f
      join users u on u.id = f.user_id where u.email = ${email}`
  if (!row) throw new Error(`no TOTP secret for ${email}`)
  return { secret: openTotpSecret(row.secret), lastUsed: Number(row.last_used_step ?? -1) }
}

/**
 * A code the portal accepts now. A code works once per time step (SF-03), so after a sign-in
 * in this step take the next step's code (one step of drift is allowed), or wait for it.
 */
export async function nextTotpCode(email: string): Promise<string> {
  const { secret, lastUsed } = await totpSecretOf(email)
  const step = Math.max(stepNow(), lastUsed + 1)
  while (step > stepNow() + 1) await sleep(1000)
  return generate({ secret, epoch: step * PERIOD, period: PERIOD })
}
