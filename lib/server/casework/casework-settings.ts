import 'server-only'
import { and, asc, eq, sql, type SQL } from 'drizzle-orm'
import { getDb } from '@/db'
import { directorates } from '@/db/schema'
import type { StaffActor } from '@/lib/domain/actor'
import type { CaseworkSettings } from '@/lib/domain/casework/casework-settings'
import { isUuid } from '@/lib/domain/ids'
import type { CaseworkSettingsInput } from '@/lib/schemas/casework/casework-settings'
import { AccessDenied, requireStaff } from '../actor'
import { writeAudit } from '../audit'
import { StaleVersion } from '../errors'
import { inTransaction } from '../transaction'

/** The directorates whose settings the actor keeps: their own, or every one for national roles. */
function settingsScope(actor: StaffActor): SQL {
  if (actor.role === 'national_admin') return sql`true`
  if (!actor.directorateId) return sql`false`
  return eq(directorates.id, actor.directorateId)
}

const columns = {
  directorateId: directorates.id,
  name: directorates.name,
  fourEyesRefusals: directorates.fourEyesRefusals,
  fourEyesLongTerm: directorates.fourEyesLongTerm,
  longTermDecisionDays: directorates.longTermDecisionDays,
  extensionRoute: directorates.extensionRoute,
}

/** Every directorate the caller may configure, by name. */
export async function listCaseworkSettings(): Promise<CaseworkSettings[]> {
  const actor = await requireStaff('casework.configure')
  const db = await getDb()
  return db
    .select(columns)
    .from(directorates)
    .where(settingsScope(actor))
    .orderBy(asc(directorates.name))
}

/**
 * Changes four-eyes, the long-term decision time and the extension route of one directorate. The update applies only
 * where the values are still those the form showed; otherwise someone changed them meanwhile.
 */
export async function changeCaseworkSettings(input: CaseworkSettingsInput): Promise<void> {
  const actor = await requireStaff('casework.configure')
  if (!isUuid(input.directorateId)) throw new AccessDenied('not_found')
  await inTransaction(async (tx) => {
    const inScope = and(eq(directorates.id, input.directorateId), settingsScope(actor))
    const changed = await tx
      .update(directorates)
      .set({
        fourEyesRefusals: input.fourEyesRefusals,
        fourEyesLongTerm: input.fourEyesLongTerm,
        longTermDecisionDays: input.longTermDecisionDays,
        extensionRoute: input.extensionRoute,
      })
      .where(
        and(
          inScope,
          eq(directorates.fourEyesRefusals, input.wasFourEyesRefusals),
          eq(directorates.fourEyesLongTerm, input.wasFourEyesLongTerm),
          eq(directorates.longTermDecisionDays, input.wasLongTermDecisionDays),
          eq(directorates.extensionRoute, input.wasExtensionRoute),
        ),
      )
      .returning({ id: directorates.id })
    if (changed.length === 0) {
      const [exists] = await tx.select({ id: directorates.id }).from(directorates).where(inScope)
      if (!exists) throw new AccessDenied('not_found')
      throw new StaleVersion()
    }
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: 'directorate.casework_settings_changed',
      entityType: 'directorate',
      entityId: input.directorateId,
      details: {
        fourEyesRefusals: input.fourEyesRefusals,
        fourEyesLongTerm: input.fourEyesLongTerm,
        longTermDecisionDays: input.longTermDecisionDays,
        extensionRoute: input.extensionRoute,
      },
    })
  })
}
