import 'server-only'
import { and, eq, inArray } from 'drizzle-orm'
import { staffMembers } from '@/db/schema'
import { Refused } from '../errors'
import { changeCase, type CaseChangeInput } from './change-case'

// Who holds a case. Claiming and releasing are the caseworker's own; assigning is the
// supervisor's, and only to an active caseworker or supervisor of the case's directorate.

export function claimCase(input: CaseChangeInput) {
  return changeCase('claim', input, async (_tx, _row, actor) => ({
    set: { assignedToUserId: actor.userId },
  }))
}

export function releaseCase(input: CaseChangeInput) {
  return changeCase('release', input, async () => ({ set: { assignedToUserId: null } }))
}

export function assignCase(input: CaseChangeInput & { assignee: string }) {
  return changeCase('assign', input, async (tx, row) => {
    const [target] = await tx
      .select({ userId: staffMembers.userId })
      .from(staffMembers)
      .where(
        and(
          eq(staffMembers.userId, input.assignee),
          eq(staffMembers.active, true),
          inArray(staffMembers.role, ['caseworker', 'supervisor']),
          row.directorateId ? eq(staffMembers.directorateId, row.directorateId) : undefined,
        ),
      )
    if (!target) throw new Refused('assignee_not_here', { namespace: 'casework' })
    return { set: { assignedToUserId: target.userId }, audit: { assignee: target.userId } }
  })
}
