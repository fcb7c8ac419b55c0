import { randomUUID } from 'node:crypto'
import { e2eDb } from './e2e-db'

/**
 * A staff account of its own for one test, so parallel runs never sign in the same address
 * (a new code replaces the one another test is about to type).
 */
export async function createStaffMember(role: string, provinceCode: number | null) {
  const userId = randomUUID()
  const email = `${role.replace(/_/g, '-')}.${userId.slice(0, 8)}@example.org`
  const db = e2eDb()
  const [directorate] = provinceCode
    ? await db<{ id: string }[]>`select id from directorates where province_code = ${provinceCode}`
    : [{ id: null }]
  await db`insert into users (id, email) values (${userId}, ${email})`
  await db`insert into staff_members (user_id, role, directorate_id, display_name)
           values (${userId}, ${role}, ${directorate!.id}, ${`Test ${role}`})`
  return { userId, email }
}
