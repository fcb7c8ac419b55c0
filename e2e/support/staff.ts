import { randomUUID } from 'node:crypto'
import { generateSecret } from 'otplib'
import { sealTotpSecret } from '../../lib/server/crypto/totp-secret-seal'
import { e2eDb } from './e2e-db'

/**
 * A staff account of its own for one test, so parallel runs never sign in the same address
 * (a new code replaces the one another test is about to type). It has an authenticator app set
 * up with a known secret (signInWithCode computes its codes), unless `enrolled` is false.
 */
export async function createStaffMember(
  role: string,
  provinceCode: number | null,
  { enrolled = true }: { enrolled?: boolean } = {},
) {
  const userId = randomUUID()
  const email = `${role.replace(/_/g, '-')}.${userId.slice(0, 8)}@example.org`
  const db = e2eDb()
  const [directorate] = provinceCode
    ? await db<{ id: string }[]>`select id from directorates where province_code = ${provinceCode}`
    : [{ id: null }]
  await db`insert into users (id, email) values (${userId}, ${email})`
  await db`insert into staff_members (user_id, role, directorate_id, display_name)
           values (${userId}, ${role}, ${directorate!.id}, ${`Test ${role}`})`
  const secret = generateSecret()
  if (enrolled)
    await db`insert into staff_totp_factors (user_id, secret, confirmed_at)
             values (${userId}, ${sealTotpSecret(secret)}, now())`
  return { userId, email, secret: enrolled ? secret : null }
}
