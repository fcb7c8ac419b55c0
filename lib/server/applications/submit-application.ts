import 'server-only'
import { and, eq, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { applicationEvents, applications, directorates, users } from '@/db/schema'
import type { Locale } from '@/lib/domain/locales'
import { formatDate } from '@/lib/i18n/format-date'
import { requireSignedIn } from '../actor'
import { writeAudit } from '../audit'
import { todayInIstanbul } from '../clock'
import { applicationSubmittedMail } from '../mail/templates/account-mails'
import { Refusal, requestHash, runIdempotent, storedAnswer } from '../idempotency'
import { enqueueMail } from '../outbox/enqueue-mail'
import { lockDraftAndFindMissingDocuments, missingRequiredDocuments } from '../documents/checklist'
import { newAccrualReference } from '../payments/accrual-reference'
import { feeFor } from './fee-quote'
import { getMyApplication } from './my-application'
import { nextStepAfterSubmission } from './next-step'
import { checkDatesBeforeSending, refusalOfAnswers } from './sending-checks'

/** `messageKey`: the law rule that said no, in the reader's language (issue 12). */
export type SubmitResult =
  { ok: true; id: string; reference: string } | { ok: false; reason: string; messageKey?: string }

/**
 * Sends the caller's draft. Idempotent: the same key gives the same answer and one
 * application, even for a double click or a retried request. The status change, timeline,
 * audit row, confirmation e-mail and idempotency record commit together.
 */
export async function submitApplication(
  id: string,
  idempotencyKey: string,
  locale: Locale,
): Promise<SubmitResult> {
  const actor = await requireSignedIn()
  const app = await getMyApplication(id)
  const claim = {
    userId: actor.userId,
    key: idempotencyKey,
    operation: 'application.submit',
    requestHash: requestHash('application.submit', { id }),
  }
  // A replay answers what the first request answered, before the checks that would now fail.
  const replay = await storedAnswer<SubmitResult>(claim)
  if (replay) return replay
  if (app.status !== 'draft') return { ok: false, reason: 'already_submitted' }
  const today = todayInIstanbul()
  // Every rule again, with today's date and the permits on record.
  const answers = await refusalOfAnswers(app, today)
  if (answers) return answers
  if ((await missingRequiredDocuments(await getDb(), app)).length > 0)
    return { ok: false, reason: 'documents_missing' }
  const dates = checkDatesBeforeSending(app, today)
  if (!dates.ok) return dates
  const { months, provinceCode } = dates
  const form = app.formData as Record<string, Record<string, string | number>>
  // One transaction with the key (lib/server/idempotency.ts): retried on a serialization
  // failure or deadlock, a lock timeout answered as busy, a parallel duplicate given this answer.
  return runIdempotent<SubmitResult>(claim, async (tx) => {
    // Again under the draft's row lock, which uploads and deletions also take.
    if ((await lockDraftAndFindMissingDocuments(tx, app)).length > 0)
      throw new Refusal<SubmitResult>({ ok: false, reason: 'documents_missing' })
    const fee = await feeFor(tx, {
      nationality: String(form.personal!.nationality),
      months,
      permitTypeCode: app.permitTypeCode,
      today,
    })
    const [directorate] = await tx
      .select({ id: directorates.id, extensionRoute: directorates.extensionRoute })
      .from(directorates)
      .where(eq(directorates.provinceCode, provinceCode))
    const { next, documentsDueOn } = await nextStepAfterSubmission(tx, {
      kind: app.kind,
      extensionRoute: directorate!.extensionRoute,
      formData: app.formData,
      today,
    })
    const moved = await tx
      .update(applications)
      .set({
        status: next,
        provinceCode,
        directorateId: directorate!.id,
        requestedMonths: months,
        cardFeeKurus: fee.cardFeeKurus,
        permitFeeKurus: fee.permitFeeKurus,
        feeTotalKurus: fee.totalKurus,
        accrualReference: newAccrualReference(),
        documentsDueOn,
        purposeCode: (form.permit!.purpose as string | undefined) ?? app.purposeCode,
        submittedAt: sql`now()`,
        updatedAt: sql`now()`,
        version: sql`${applications.version} + 1`,
      })
      .where(
        and(
          eq(applications.id, id),
          eq(applications.applicantId, actor.userId),
          eq(applications.status, 'draft'),
        ),
      )
      .returning({ reference: applications.reference })
    if (moved.length === 0)
      throw new Refusal<SubmitResult>({ ok: false, reason: 'already_submitted' })
    await tx.insert(applicationEvents).values([
      { applicationId: id, fromStatus: 'draft', toStatus: 'submitted', actorUserId: actor.userId },
      { applicationId: id, fromStatus: 'submitted', toStatus: next, actorUserId: null },
    ])
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: 'application.submitted',
      entityType: 'application',
      entityId: id,
    })
    // The confirmation speaks the language the applicant used, which we also remember.
    const [user] = await tx
      .update(users)
      .set({ preferredLocale: locale })
      .where(eq(users.id, actor.userId))
      .returning({ email: users.email })
    await enqueueMail(tx, {
      recipient: user!.email!,
      applicationId: id,
      ...applicationSubmittedMail(locale, {
        reference: app.reference,
        next,
        documentsDueOn: documentsDueOn ? formatDate(documentsDueOn, locale) : null,
      }),
    })
    return { ok: true, id, reference: app.reference }
  })
}
