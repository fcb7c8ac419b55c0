import 'server-only'
import { and, eq, ne } from 'drizzle-orm'
import { applications, caseNotes } from '@/db/schema'
import { isUuid } from '@/lib/domain/ids'
import { AccessDenied, requireStaff } from '../actor'
import { writeAudit } from '../audit'
import { inDirectorateOf } from '../scope'
import { inTransaction } from '../transaction'

/**
 * An internal note on a case of the caller's directorate; it never reaches the applicant. A
 * note changes nothing about the case, so it takes no version and makes no one's view stale.
 */
export async function addCaseNote(input: { applicationId: string; body: string }) {
  const actor = await requireStaff('cases.decide')
  if (!isUuid(input.applicationId)) throw new AccessDenied('not_found')
  await inTransaction(async (tx) => {
    const [found] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(
          eq(applications.id, input.applicationId),
          inDirectorateOf(actor),
          ne(applications.status, 'draft'),
        ),
      )
      .for('share')
    if (!found)
      throw new AccessDenied('not_found', {
        entityType: 'application',
        entityId: input.applicationId,
      })
    const [note] = await tx
      .insert(caseNotes)
      .values({ applicationId: found.id, authorUserId: actor.userId, body: input.body })
      .returning({ id: caseNotes.id })
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: 'case.add_note',
      entityType: 'application',
      entityId: found.id,
      details: { note: note!.id },
    })
  })
}
