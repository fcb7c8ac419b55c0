import 'server-only'
import { and, asc, eq, isNotNull } from 'drizzle-orm'
import { connection } from 'next/server'
import { getDb } from '@/db'
import { staffMembers, staffTotpFactors, users } from '@/db/schema'
import { isDemoMode } from '../../env'
import { totpCodeAt } from './totp-code'
import { readTotpSecret } from './totp-secret'

export type DemoStaffCode = { email: string; displayName: string; code: string }

/**
 * Demo mode only (SECURITY.md DM-01, SF-06): the code each staff member's app would show now,
 * so a visitor can try the staff pages. Otherwise null, in any build.
 */
export async function listDemoStaffCodes(now = new Date()): Promise<DemoStaffCode[] | null> {
  await connection() // read at request time, never while building
  if (!isDemoMode()) return null
  const db = await getDb()
  const people = await db
    .select({ userId: users.id, email: users.email, displayName: staffMembers.displayName })
    .from(staffTotpFactors)
    .innerJoin(users, eq(users.id, staffTotpFactors.userId))
    .innerJoin(staffMembers, and(eq(staffMembers.userId, users.id), eq(staffMembers.active, true)))
    .where(isNotNull(staffTotpFactors.confirmedAt))
    .orderBy(asc(users.email))
  const out: DemoStaffCode[] = []
  for (const person of people) {
    const factor = await readTotpSecret(db, person.userId)
    if (factor && person.email)
      out.push({
        email: person.email,
        displayName: person.displayName,
        code: await totpCodeAt(factor.secret, now),
      })
  }
  return out
}
