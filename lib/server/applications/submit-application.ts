import 'server-only'
import { and, desc, eq, lte, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import {
  applicationEvents,
  applications,
  directorates,
  feeTariffs,
  nationalityFeeGroups,
  users,
} from '@/db/schema'
import { statusAfterSubmission } from '@/lib/domain/application-status'
import type { Locale } from '@/lib/domain/locales'
import { calculateFee } from '@/lib/domain/permits/fees'
import { isIndefinitePermitType } from '@/lib/domain/permits/permit-types'
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
import { Refusal, requestHash, runIdempotent, storedAnswer, type Tx } from '../idempotency'
import { enqueueMail } from '../outbox/enqueue-mail'
import { lockDraftAndFindMissingDocuments, missingRequiredDocuments } from '../documents/checklist'
import { lawRefusalAtSubmit } from './law-checks'
import { getMyApplication } from './my-application'
import { checkPermitPeriod, permitStartDate, taskContextFor } from './permit-period'

/** `messageKey`: the law rule that said no, in the reader's language (issue 12). */
export type SubmitResult =
  { ok: true; id: string; reference: string } | { ok: false; reason: string; messageKey?: string }

async function feeFor(tx: Tx, nationality: string, months: number | null, today: string) {
  const [tariff] = await tx
    .select()
    .from(feeTariffs)
    .where(lte(feeTariffs.validFrom, today))
    .orderBy(desc(feeTariffs.validFrom))
    .limit(1)
  if (!tariff) throw new Error('no fee tariff in force')
  const groups = Object.fromEntries(
    (await tx.select().from(nationalityFeeGroups)).map((g) => [g.countryCode, g.groupCode]),
  )
  return calculateFee({
    tariff: {
      cardFeeKurus: tariff.cardFeeKurus,
      groups: tariff.groups,
      defaultGroup: tariff.defaultGroup,
    },
    nationalityGroups: groups,
    nationality,
    months,
  })
}

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
  const provinceCode = Number(form.address!.provinceCode)
  const next = statusAfterSubmission(app.kind)
  // One transaction with the key (lib/server/idempotency.ts): retried on a serialization
  // failure or deadlock, a lock timeout answered as busy, a parallel duplicate given this answer.
  return runIdempotent<SubmitResult>(claim, async (tx) => {
    // Again under the draft's row lock, which uploads and deletions also take.
    if ((await lockDraftAndFindMissingDocuments(tx, app)).length > 0)
      throw new Refusal<SubmitResult>({ ok: false, reason: 'documents_missing' })
    const fee = await feeFor(tx, String(form.personal!.nationality), months, today)
    const [directorate] = await tx
      .select({ id: directorates.id })
      .from(directorates)
      .where(eq(directorates.provinceCode, provinceCode))
    const moved = await tx
      .update(applications)
      .set({
        status: next,
        provinceCode,
        directorateId: directorate!.id,
        requestedMonths: months,
        feeTotalKurus: fee.totalKurus,
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
      ...applicationSubmittedMail(locale, { reference: app.reference, next }),
    })
    return { ok: true, id, reference: app.reference }
  })
}
