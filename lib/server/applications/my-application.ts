import 'server-only'
import { isUuid } from '@/lib/domain/ids'
import { and, eq, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { applications, directorates, provinces, residencePermits } from '@/db/schema'
import type { ApplicationKind, ApplicationStatus } from '@/lib/domain/application-status'
import type { SectionKey } from '@/lib/schemas/application/sections'
import { AccessDenied, requireSignedIn } from '../actor'
import { writeAudit } from '../audit'
import { openIdentityNumbers, sealSectionNumbers } from '../crypto/identity-numbers'

export type MyApplication = {
  id: string
  reference: string
  kind: ApplicationKind
  permitTypeCode: string
  purposeCode: string | null
  status: ApplicationStatus
  formData: Record<string, unknown>
  feeTotalKurus: number | null
  cardFeeKurus: number | null
  permitFeeKurus: number | null
  documentsDueOn: string | null
  requestedMonths: number | null
  provinceName: string | null
  basedOnPermitValidUntil: string | null
  directorateName: string | null
  submittedAt: Date | null
  updatedAt: Date
}

/** One of the caller's own applications. Someone else's, or none, is the same 404. */
export async function getMyApplication(id: string): Promise<MyApplication> {
  const actor = await requireSignedIn()
  if (!isUuid(id)) throw new AccessDenied('not_found')
  const db = await getDb()
  const [row] = await db
    .select({
      id: applications.id,
      reference: applications.reference,
      kind: applications.kind,
      permitTypeCode: applications.permitTypeCode,
      purposeCode: applications.purposeCode,
      status: applications.status,
      formData: applications.formData,
      passportNumberSealed: applications.passportNumberSealed,
      foreignerIdSealed: applications.foreignerIdSealed,
      feeTotalKurus: applications.feeTotalKurus,
      cardFeeKurus: applications.cardFeeKurus,
      permitFeeKurus: applications.permitFeeKurus,
      documentsDueOn: applications.documentsDueOn,
      requestedMonths: applications.requestedMonths,
      provinceName: provinces.name,
      basedOnPermitValidUntil: residencePermits.validUntil,
      directorateName: directorates.name,
      submittedAt: applications.submittedAt,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .leftJoin(provinces, eq(provinces.code, applications.provinceCode))
    .leftJoin(directorates, eq(directorates.id, applications.directorateId))
    .leftJoin(residencePermits, eq(residencePermits.id, applications.basedOnPermitId))
    .where(and(eq(applications.id, id), eq(applications.applicantId, actor.userId)))
  if (!row) throw new AccessDenied('not_found')
  const { passportNumberSealed, foreignerIdSealed, ...app } = row
  // The person sees their own numbers in their answers (SECURITY.md PD-02).
  return {
    ...app,
    formData: openIdentityNumbers(row.formData, { passportNumberSealed, foreignerIdSealed }),
  }
}

export type SaveResult = { ok: true } | { ok: false; reason: 'not_editable' }

/**
 * Saves one task's answers into the caller's own draft. Ownership and the draft status are
 * part of the UPDATE, so a submitted application can never be changed this way.
 */
export async function saveDraftSection(
  id: string,
  section: SectionKey,
  values: Record<string, unknown>,
): Promise<SaveResult> {
  const actor = await requireSignedIn()
  if (!isUuid(id)) throw new AccessDenied('not_found')
  const db = await getDb()
  // AD-04: the change and its audit row (the task's name, never its answers) commit together.
  const sealed = sealSectionNumbers(section, values)
  const updated = await db.transaction(async (tx) => {
    const rows = await tx
      .update(applications)
      .set({
        formData: sql`${applications.formData} || jsonb_build_object(${section}::text, ${JSON.stringify(sealed.values)}::jsonb)`,
        ...sealed.columns,
        version: sql`${applications.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(applications.id, id),
          eq(applications.applicantId, actor.userId),
          eq(applications.status, 'draft'),
        ),
      )
      .returning({ id: applications.id })
    if (rows.length > 0)
      await writeAudit(tx, {
        actorUserId: actor.userId,
        action: 'application.section_saved',
        entityType: 'application',
        entityId: id,
        details: { section },
      })
    return rows
  })
  if (updated.length > 0) return { ok: true }
  await getMyApplication(id) // 404 when it is not the caller's
  return { ok: false, reason: 'not_editable' }
}
