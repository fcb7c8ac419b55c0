import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { directorates, sessions, staffMembers, users } from '@/db/schema'
import type { StaffRole } from '@/lib/domain/staff-roles'

// Staff accounts of their own for one test, so changing them never touches the seeded people
// other test files sign in as.

export async function directorateIdOf(provinceCode: number): Promise<string> {
  const db = await getDb()
  const [row] = await db
    .select({ id: directorates.id })
    .from(directorates)
    .where(eq(directorates.provinceCode, provinceCode))
  return row!.id
}

export async function createTestStaff(role: StaffRole, provinceCode: number | null) {
  const db = await getDb()
  const userId = randomUUID()
  const email = `staff.${userId.slice(0, 8)}@example.org`
  const directorateId = provinceCode ? await directorateIdOf(provinceCode) : null
  await db.insert(users).values({ id: userId, email })
  await db
    .insert(staffMembers)
    .values({ userId, role, directorateId, displayName: `Test ${role} ${userId.slice(0, 4)}` })
  return { userId, email, directorateId }
}

/** A signed-in browser of the user, as Auth.js stores it. */
export async function openSession(userId: string): Promise<string> {
  const db = await getDb()
  const sessionToken = randomUUID()
  await db
    .insert(sessions)
    .values({ sessionToken, userId, expires: new Date(Date.now() + 3_600_000) })
  return sessionToken
}

export async function sessionCount(userId: string): Promise<number> {
  const db = await getDb()
  return (await db.select().from(sessions).where(eq(sessions.userId, userId))).length
}

export async function staffRow(userId: string) {
  const db = await getDb()
  const [row] = await db.select().from(staffMembers).where(eq(staffMembers.userId, userId))
  return row
}
