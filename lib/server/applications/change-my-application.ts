import 'server-only'
import { and, eq, sql } from 'drizzle-orm'
import { applicationEvents, applications } from '@/db/schema'
import { canTransition, type ApplicationStatus } from '@/lib/domain/application-status'
import { isUuid } from '@/lib/domain/ids'
import { AccessDenied, requireSignedIn } from '../actor'
import { writeAudit } from '../audit'
import { Refused } from '../errors'
import { ownedBy } from '../scope'
import { mailCaseStep, type CaseMail } from '../casework/case-mail'
import { inTransaction, type Tx } from '../transaction'

type Row = { id: string; status: ApplicationStatus; version: number }

/**
 * The applicant's own status changes (withdraw, answer a request): the application is locked
 * within the caller's ownership, the move is checked against the status machine, and the change,
 * its event, its audit row and the applicant's mail commit together.
 */
export async function changeMyApplication(
  applicationId: string,
  { to, action, mail }: { to: ApplicationStatus; action: string; mail: CaseMail },
  work: (tx: Tx, row: Row, actorUserId: string) => Promise<void> = async () => {},
): Promise<void> {
  const actor = await requireSignedIn()
  if (actor.kind !== 'applicant' || !isUuid(applicationId)) throw new AccessDenied('not_found')
  await inTransaction(async (tx) => {
    const [row] = await tx
      .select({ id: applications.id, status: applications.status, version: applications.version })
      .from(applications)
      .where(and(eq(applications.id, applicationId), ownedBy(actor)))
      .for('update')
    if (!row) throw new AccessDenied('not_found')
    if (!canTransition(row.status, to, 'applicant'))
      throw new Refused('not_possible_now', { namespace: 'applications', status: 409 })
    await work(tx, row, actor.userId)
    await tx
      .update(applications)
      .set({ status: to, version: sql`${applications.version} + 1`, updatedAt: sql`now()` })
      .where(eq(applications.id, row.id))
    await tx.insert(applicationEvents).values({
      applicationId: row.id,
      fromStatus: row.status,
      toStatus: to,
      actorUserId: actor.userId,
      reasonCode: action,
    })
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: `application.${action}`,
      entityType: 'application',
      entityId: row.id,
      details: { from: row.status, to },
    })
    await mailCaseStep(tx, row.id, mail)
  })
}
