import 'server-only'
import { and, asc, desc, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { directorates, staffMembers, users } from '@/db/schema'
import type { StaffActor } from '@/lib/domain/actor'
import { isUuid } from '@/lib/domain/ids'
import { assignableRoles } from '@/lib/domain/staff/staff-accounts'
import type { StaffRole } from '@/lib/domain/staff-roles'
import type { StaffAccountRow } from '@/lib/schemas/staff/staff-accounts'
import { AccessDenied, requireStaff } from '../actor'
import { inDirectorateOf } from '../scope'

// What the staff account pages read. Scoped in the statement (AC-06): a directorate admin
// reads their directorate's staff, the national admin everyone's.

export type StaffAdminView = {
  actor: StaffActor
  roles: StaffRole[]
  // Only the national admin picks a directorate; a directorate admin's staff join theirs.
  directorates: { id: string; name: string }[]
}

const columns = {
  userId: staffMembers.userId,
  email: users.email,
  displayName: staffMembers.displayName,
  role: staffMembers.role,
  directorateId: staffMembers.directorateId,
  directorateName: directorates.name,
  active: staffMembers.active,
}

/** The manager, what they may give, and the directorates to choose from. */
export async function getStaffAdminView(): Promise<StaffAdminView> {
  const actor = await requireStaff('staff.manage')
  if (actor.role !== 'national_admin')
    return { actor, roles: assignableRoles(actor), directorates: [] }
  const db = await getDb()
  const list = await db
    .select({ id: directorates.id, name: directorates.name })
    .from(directorates)
    .orderBy(asc(directorates.name))
  return { actor, roles: assignableRoles(actor), directorates: list }
}

/** Every staff account the manager keeps, active ones first. */
export async function listStaffAccounts(): Promise<StaffAccountRow[]> {
  const actor = await requireStaff('staff.manage')
  const db = await getDb()
  const rows = await db
    .select(columns)
    .from(staffMembers)
    .innerJoin(users, eq(users.id, staffMembers.userId))
    .leftJoin(directorates, eq(directorates.id, staffMembers.directorateId))
    .where(inDirectorateOf(actor, staffMembers.directorateId))
    .orderBy(desc(staffMembers.active), asc(directorates.name), asc(staffMembers.displayName))
  return rows.map((r) => ({ ...r, email: r.email ?? '' }))
}

/** One account the manager keeps; another directorate's (or none) is not found. */
export async function getStaffAccount(userId: string): Promise<StaffAccountRow> {
  const actor = await requireStaff('staff.manage')
  if (!isUuid(userId)) throw new AccessDenied('not_found')
  const db = await getDb()
  const [row] = await db
    .select(columns)
    .from(staffMembers)
    .innerJoin(users, eq(users.id, staffMembers.userId))
    .leftJoin(directorates, eq(directorates.id, staffMembers.directorateId))
    .where(and(eq(staffMembers.userId, userId), inDirectorateOf(actor, staffMembers.directorateId)))
  if (!row) throw new AccessDenied('not_found', { entityType: 'staff_member', entityId: userId })
  return { ...row, email: row.email ?? '' }
}
