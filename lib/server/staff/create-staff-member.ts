import 'server-only'
import { eq } from 'drizzle-orm'
import { directorates, sessions, staffMembers, users } from '@/db/schema'
import { directorateFor } from '@/lib/domain/staff/staff-accounts'
import type { CreateStaffMemberInput } from '@/lib/schemas/staff/staff-accounts'
import { requireStaff } from '../actor'
import { writeAudit } from '../audit'
import { Refused } from '../errors'
import { normaliseEmail } from '../sign-in'
import { inTransaction } from '../transaction'

const refuse = (reason: string, status: 409 | 422 = 422) =>
  new Refused(reason, { namespace: 'staffadmin', status })

/**
 * Gives an e-mail address a staff account. The person signs in with the e-mail code like
 * everyone; an address that already has a user (an applicant, or a former sign-in) keeps it.
 */
export async function createStaffMember(input: CreateStaffMemberInput): Promise<string> {
  const actor = await requireStaff('staff.manage')
  const placed = directorateFor(actor, input.role, input.directorateId ?? null)
  if (!placed.ok) throw refuse(placed.reason)
  const email = normaliseEmail(input.email)
  return inTransaction(async (tx) => {
    if (placed.directorateId) {
      const [known] = await tx
        .select({ id: directorates.id })
        .from(directorates)
        .where(eq(directorates.id, placed.directorateId))
      if (!known) throw refuse('directorate_required')
    }
    await tx.insert(users).values({ email }).onConflictDoNothing({ target: users.email })
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email))
    const created = await tx
      .insert(staffMembers)
      .values({
        userId: user!.id,
        role: input.role,
        directorateId: placed.directorateId,
        displayName: input.displayName,
      })
      .onConflictDoNothing({ target: staffMembers.userId })
      .returning({ userId: staffMembers.userId })
    // Whatever directorate it is in: the national admin can move it.
    if (created.length === 0) throw refuse('already_staff', 409)
    // A session opened as an applicant would otherwise turn into a staff session unasked.
    await tx.delete(sessions).where(eq(sessions.userId, user!.id))
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: 'staff.created',
      entityType: 'staff_member',
      entityId: user!.id,
      details: { role: input.role, directorateId: placed.directorateId },
    })
    return user!.id
  })
}
