import 'server-only'
import type { Tx } from '../transaction'
import { randomInt } from 'node:crypto'
import { applicationEvents, applications } from '@/db/schema'
import type { ApplicationKind } from '@/lib/domain/application-status'
import {
  makeReferenceNumber,
  REFERENCE_ALPHABET,
  REFERENCE_PAYLOAD_LENGTH,
} from '@/lib/domain/reference-number'
import { writeAudit } from '../audit'
import { sealIdentityNumbers } from '../crypto/identity-numbers'

export function newReferenceNumber(): string {
  return makeReferenceNumber(
    Array.from({ length: REFERENCE_PAYLOAD_LENGTH }, () => randomInt(0, REFERENCE_ALPHABET.length)),
  )
}

export type NewDraft = {
  applicantId: string
  kind: ApplicationKind
  permitTypeCode: string
  purposeCode: string | null
  basedOnPermitId: string | null
  formData: Record<string, unknown>
}

type NewApplication = Omit<typeof applications.$inferInsert, 'id' | 'reference'>

/**
 * Inserts an application with a fresh random reference. A reference collision (one in 10^13)
 * just draws again. The identity numbers in the answers are stored sealed (SECURITY.md PD-02).
 */
export async function insertWithFreshReference(
  tx: Tx,
  values: NewApplication,
): Promise<{ id: string; reference: string }> {
  const { formData, columns } = sealIdentityNumbers(values.formData ?? {})
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = crypto.randomUUID()
    const reference = newReferenceNumber()
    const inserted = await tx
      .insert(applications)
      .values({ id, reference, ...values, formData, ...columns })
      .onConflictDoNothing({ target: applications.reference })
      .returning({ id: applications.id })
    if (inserted.length > 0) return { id, reference }
  }
  throw new Error('could not draw a free reference number')
}

/** Inserts a draft, its first timeline entry and an audit row. */
export async function insertDraft(
  tx: Tx,
  draft: NewDraft,
): Promise<{ id: string; reference: string }> {
  const created = await insertWithFreshReference(tx, { status: 'draft', ...draft })
  await tx.insert(applicationEvents).values({
    applicationId: created.id,
    fromStatus: null,
    toStatus: 'draft',
    actorUserId: draft.applicantId,
  })
  await writeAudit(tx, {
    actorUserId: draft.applicantId,
    action: 'application.draft_started',
    entityType: 'application',
    entityId: created.id,
    details: { kind: draft.kind },
  })
  return created
}
