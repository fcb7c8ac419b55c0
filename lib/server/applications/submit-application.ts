import 'server-only'
import { and, eq, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { applicationEvents, applications, directorates, users } from '@/db/schema'
import type { Locale } from '@/lib/domain/locales'
import { isIndefinitePermitType } from '@/lib/domain/permits/permit-types'
import { formatDate } from '@/lib/i18n/format-date'
import {
  checkFirstApplicationTiming,
  checkPassportValidity,
  requestedEndDate,
} from '@/lib/domain/permits/timing'
import { allTasksComplete } from '@/lib/schemas/application/task-list'
import { requireSignedIn } from '../actor'
import { writeAudit } from '../audit'
import { todayInIstanbul } from '../clock'
import { applicationSubmittedMail } from '../mail/templates/account-mails'
import { Refusal, requestHash, runIdempotent, storedAnswer } from '../idempotency'
import { enqueueMail } from '../outbox/enqueue-mail'
import { lockDraftAndFindMissingDocuments, missingRequiredDocuments } from '../documents/checklist'
import { lawRefusalAtSubmit } from './law-checks'
import { feeFor } from './fee-quote'
import { checkInsuranceAnswer } from './insurance-check'
import { getMyApplication } from './my-application'
import { nextStepAfterSubmission } from './next-step'
import { checkPermitPeriod, permitStartDate, taskContextFor } from './permit-period'

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
  // Again here, with the catalogue and the sponsor as they are now: the answers were checked
  // one task at a time, and the sponsor may have been saved after the period.
  const period = await checkPermitPeriod(
    app,
    app.formData.permit as Record<string, unknown> | undefined,
    app.formData,
    today,
  )
  if (period && !period.ok) return { ok: false, reason: period.reason }
  if (!allTasksComplete(app.formData, taskContextFor(app, today)))
    return { ok: false, reason: 'tasks_incomplete' }
  // Every rule of the law again, with today's date and the permits on record.
  const law = await lawRefusalAtSubmit(app, today)
  if (law) return { ok: false, ...law }
  if ((await missingRequiredDocuments(await getDb(), app)).length > 0)
    return { ok: false, reason: 'documents_missing' }

  const form = app.formData as Record<string, Record<string, string | number>>
  // Art. 42: a long-term permit is indefinite, asked for without months and with no end date
  // for the passport to outlive (art. 21(2) speaks of the requested period).
  const months = isIndefinitePermitType(app.permitTypeCode)
    ? null
    : Number(form.permit!.requestedMonths)
  if (months !== null) {
    const end = requestedEndDate(permitStartDate(app, today), months)
    const passport = checkPassportValidity({
      passportValidUntil: String(form.passport!.passportValidUntil),
      requestedEndDate: end,
    })
    if (!passport.ok) return { ok: false, reason: passport.reason }
  }
  const stay = (form.eligibility as Record<string, string> | undefined)?.legalStayUntil
  if (app.kind === 'first' && stay) {
    const timing = checkFirstApplicationTiming({ today, legalStayUntil: stay })
    if (!timing.ok) return { ok: false, reason: timing.reason }
  }
  // Again here: the date of birth or the period may have changed after the insurance was saved.
  const insurance = checkInsuranceAnswer(app, form.insurance ?? {}, app.formData, today)
  if (!insurance.ok) return { ok: false, reason: `insurance_${insurance.reason}` }
  const provinceCode = Number(form.address!.provinceCode)
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
