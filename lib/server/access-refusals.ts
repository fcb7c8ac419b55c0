import 'server-only'
import { getDb } from '@/db'
import { isUuid } from '@/lib/domain/ids'
import { type AccessDenied, getActor } from './actor'
import { writeAudit } from './audit'

/** A path as the audit trail keeps it: no query string (it may carry anything), bounded. */
function entryOf(path: string): string {
  return path.split(/[?#]/, 1)[0]!.slice(0, 200)
}

/**
 * SECURITY.md AD-02: a refused access by a signed-in person is one `access.denied` row, written
 * by the entry-point wrapper in its own statement after the refused work rolled back (inside
 * the transaction it would vanish with it). Forbidden is recorded for anyone signed in; a
 * scoped lookup that found nothing only for staff, whose reach is what the trail watches (an
 * applicant's 404 is mostly a stale link). Signed-out callers have no actor to record. The row
 * names what was asked (entity, permission, the path without its query), never the data: an id
 * that is not a well-formed uuid is typed input and is left out.
 */
export async function recordAccessRefusal(error: AccessDenied, path: string): Promise<void> {
  if (error.reason === 'unauthenticated') return
  const actor = await getActor()
  if (actor.kind === 'anonymous') return
  if (error.reason === 'not_found' && actor.kind !== 'staff') return
  const { entityType, entityId, permission } = error.asked
  await writeAudit(await getDb(), {
    actorUserId: actor.userId,
    action: 'access.denied',
    entityType: entityType ?? 'entry_point',
    entityId: entityId && isUuid(entityId) ? entityId : null,
    details: {
      reason: error.reason,
      entry: entryOf(path),
      ...(permission && { permission }),
    },
  })
}
