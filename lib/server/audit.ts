import 'server-only'
import { getDb, type Db } from '@/db'
import { auditEvents } from '@/db/schema'

type Executor = Pick<Db, 'insert'>

export type AuditEntry = {
  actorUserId: string | null
  action: string
  entityType: string
  entityId?: string | null
  // Never put passport numbers, codes or tokens here; the audit trail is for who did what.
  details?: Record<string, unknown>
}

/** Call inside the transaction of the change it records, so both commit or neither does. */
export async function writeAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorUserId: entry.actorUserId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    details: entry.details ?? {},
  })
}

/**
 * SECURITY.md AD-03: a staff read of personal data, recorded before the data is returned. A
 * read has no transaction to share, so the row is one statement of its own; when it cannot be
 * written the read fails with it: no personal data leaves without its audit row.
 */
export async function auditRead(entry: AuditEntry & { actorUserId: string }): Promise<void> {
  await writeAudit(await getDb(), entry)
}
