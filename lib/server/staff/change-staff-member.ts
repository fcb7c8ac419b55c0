import 'server-only'
import { and, asc, eq, ne } from 'drizzle-orm'
import { directorates, sessions, staffMembers } from '@/db/schema'
import type { StaffActor } from '@/lib/domain/actor'
import { directorateFor, staffChangeRefusal } from '@/lib/domain/staff/staff-accounts'
import type { StaffRole } from '@/lib/domain/staff-roles'
import type { ChangeStaffRoleInput, SetStaffActiveInput } from '@/lib/schemas/staff/staff-accounts'
import { AccessDenied, requireStaff } from '../actor'
import { writeAudit } from '../audit'
import { Refused, StaleVersion } from '../errors'
import { inDirectorateOf } from '../scope'
import { inTransaction, type Tx } from '../transaction'

// Changing a staff member's role or switching their account off. getActor reads role and
// active flag on every request, so the change counts from the next request; their sessions
// are deleted in the same transaction, so they are also signed out at once (issue 13).

const refuse = (reason: string, status: 409 | 422 = 422) =>
  new Refused(reason, { namespace: 'staffadmin', status })

/** The member's row, locked, within the manager's scope; another directorate's is not found. */
async function lockMember(tx: Tx, actor: StaffActor, userId: string, wasRole: StaffRole) {
  const [row] = await tx
    .select({
      userId: staffMembers.userId,
      role: staffMembers.role,
      directorateId: staffMembers.directorateId,
      active: staffMembers.active,
    })
    .from(staffMembers)
    .where(and(eq(staffMembers.userId, userId), inDirectorateOf(actor, staffMembers.directorateId)))
    .for('update')
  if (!row) throw new AccessDenied('not_found', { entityType: 'staff_member', entityId: userId })
  if (row.role !== wasRole) throw new StaleVersion()
  return row
}

/**
 * Refuses to leave the portal without an active national admin. The other active national
 * admins are locked, so two admins switching each other off at once cannot both succeed.
 */
async function keepANationalAdmin(tx: Tx, userId: string): Promise<void> {
  const others = await tx
    .select({ userId: staffMembers.userId })
    .from(staffMembers)
    .where(
      and(
        eq(staffMembers.role, 'national_admin'),
        eq(staffMembers.active, true),
        ne(staffMembers.userId, userId),
      ),
    )
    .orderBy(asc(staffMembers.userId))
    .for('update')
  if (others.length === 0) throw refuse('last_national_admin', 409)
}

async function endSessions(tx: Tx, userId: string): Promise<number> {
  const ended = await tx
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ token: sessions.sessionToken })
  return ended.length
}

/** Gives a member another role (and, for the national admin, another directorate). */
export async function changeStaffRole(input: ChangeStaffRoleInput): Promise<void> {
  const actor = await requireStaff('staff.manage')
  await inTransaction(async (tx) => {
    const member = await lockMember(tx, actor, input.userId, input.wasRole)
    const refusal = staffChangeRefusal(actor, member, input.role)
    if (refusal) throw refuse(refusal)
    const placed = directorateFor(actor, input.role, input.directorateId ?? null)
    if (!placed.ok) throw refuse(placed.reason)
    if (placed.directorateId) {
      const [known] = await tx
        .select({ id: directorates.id })
        .from(directorates)
        .where(eq(directorates.id, placed.directorateId))
      if (!known) throw refuse('directorate_required')
    }
    if (member.role === 'national_admin' && input.role !== 'national_admin' && member.active)
      await keepANationalAdmin(tx, member.userId)
    await tx
      .update(staffMembers)
      .set({ role: input.role, directorateId: placed.directorateId })
      .where(eq(staffMembers.userId, member.userId))
    const endedSessions = await endSessions(tx, member.userId)
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: 'staff.role_changed',
      entityType: 'staff_member',
      entityId: member.userId,
      details: {
        from: { role: member.role, directorateId: member.directorateId },
        to: { role: input.role, directorateId: placed.directorateId },
        endedSessions,
      },
    })
  })
}

/** Switches a member's account off (or on again). Off ends their sessions at once. */
export async function setStaffActive(input: SetStaffActiveInput): Promise<void> {
  const actor = await requireStaff('staff.manage')
  await inTransaction(async (tx) => {
    const member = await lockMember(tx, actor, input.userId, input.wasRole)
    const refusal = staffChangeRefusal(actor, member)
    if (refusal) throw refuse(refusal)
    if (member.active === input.active) throw new StaleVersion()
    if (!input.active && member.role === 'national_admin')
      await keepANationalAdmin(tx, member.userId)
    await tx
      .update(staffMembers)
      .set({ active: input.active })
      .where(eq(staffMembers.userId, member.userId))
    // Switching on ends sessions too: one opened meanwhile was an applicant's, not staff's.
    const endedSessions = await endSessions(tx, member.userId)
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: input.active ? 'staff.reactivated' : 'staff.deactivated',
      entityType: 'staff_member',
      entityId: member.userId,
      details: { role: member.role, directorateId: member.directorateId, endedSessions },
    })
  })
}
