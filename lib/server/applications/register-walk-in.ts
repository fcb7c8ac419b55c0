import 'server-only'
import { applicationEvents, restrictedCaseStaff } from '@/db/schema'
import { isoDate } from '@/lib/schemas/fields'
import type { PermitTypeCode } from '@/lib/domain/permits/permit-types'
import { isStaffOpenedPermitType } from '@/lib/domain/permits/staff-opened'
import { checkFirstApplicationTiming } from '@/lib/domain/permits/timing'
import { fieldErrorsFrom } from '@/lib/schemas/form-state'
import { sectionsFor } from '@/lib/schemas/application/sections'
import { splitWalkInAnswers } from '@/lib/schemas/staff/walk-in'
import { AccessDenied, requireStaff } from '../actor'
import { writeAudit } from '../audit'
import { todayInIstanbul } from '../clock'
import { requestHash, runIdempotent } from '../idempotency'
import { insertWithFreshReference } from './create-application'
import { feeFor } from './fee-quote'
import { nextStepAfterSubmission } from './next-step'
import { checkTaskAnswers } from './section-checks'
import { checkDatesBeforeSending, refusalOfAnswers, type SendingApp } from './sending-checks'
import { requireLongTermYears } from './start-application'
import { newAccrualReference } from '../payments/accrual-reference'

// Staff register an application for a walk-in applicant who cannot use the web (issue 13):
// the same schemas and law checks as the online journey, task by task and again as at
// submission, then one transaction. No account yet: the person claims it later with the
// reference, date of birth and passport number (claim-application.ts).

export type WalkInResult =
  | { ok: true; id: string; reference: string }
  | { ok: false; fieldErrors: Record<string, string> }
  | { ok: false; reason: string; messageKey: string }

/** Every task's errors at once, as the online forms would give them one task at a time. */
async function answersOf(permitType: PermitTypeCode, raw: Record<string, string>) {
  const split = splitWalkInAnswers(permitType, raw)
  const errors: Record<string, string> = {}
  if (split.unexpected.length > 0) errors._form = 'validation:unexpected'
  const formData: Record<string, unknown> = {}
  if (!isStaffOpenedPermitType(permitType)) {
    const stay = isoDate.safeParse(split.eligibility.legalStayUntil)
    if (stay.success) formData.eligibility = { legalStayUntil: stay.data }
    else errors.legalStayUntil = fieldErrorsFrom(stay.error)._form ?? 'validation:date.required'
  }
  const app: SendingApp = {
    kind: 'first',
    permitTypeCode: permitType,
    purposeCode: null,
    basedOnPermitValidUntil: null,
    openedByStaff: isStaffOpenedPermitType(permitType),
    formData,
  }
  for (const section of sectionsFor(permitType)) {
    const checked = await checkTaskAnswers(app, section, split.sections[section] ?? {})
    if (checked.ok) formData[section] = checked.values
    else Object.assign(errors, { ...checked.fieldErrors, ...errors })
  }
  return { app, errors }
}

export async function registerWalkIn(
  permitType: PermitTypeCode,
  raw: Record<string, string>,
  idempotencyKey: string,
): Promise<WalkInResult> {
  const actor = await requireStaff('cases.register')
  if (!actor.directorateId) throw new AccessDenied('forbidden')
  const directorateId = actor.directorateId
  const today = todayInIstanbul()
  const { app, errors } = await answersOf(permitType, raw)
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors }
  const stay = (app.formData.eligibility as { legalStayUntil?: string } | undefined)?.legalStayUntil
  if (stay) {
    const timing = checkFirstApplicationTiming({ today, legalStayUntil: stay })
    if (!timing.ok) return refusal(timing.reason)
  }
  if (permitType === 'long_term') await requireLongTermYears(today)
  const answers = await refusalOfAnswers(app, today)
  if (answers) return refusal(answers.reason, answers.messageKey)
  const dates = checkDatesBeforeSending(app, today)
  if (!dates.ok) return refusal(dates.reason, dates.messageKey)
  const form = app.formData as Record<string, Record<string, string | number>>
  const restricted = isStaffOpenedPermitType(permitType)
  const claim = {
    userId: actor.userId,
    key: idempotencyKey,
    operation: 'application.register_walk_in',
    requestHash: requestHash('application.register_walk_in', { permitType, raw }),
  }
  const result = await runIdempotent<WalkInResult>(claim, async (tx) => {
    const fee = await feeFor(tx, {
      nationality: String(form.personal!.nationality),
      months: dates.months,
      permitTypeCode: permitType,
      today,
    })
    const { next } = await nextStepAfterSubmission(tx, {
      kind: 'first',
      extensionRoute: 'appointment',
      formData: app.formData,
      today,
    })
    const created = await insertWithFreshReference(tx, {
      applicantId: null,
      registeredByUserId: actor.userId,
      restricted,
      kind: 'first',
      permitTypeCode: permitType,
      purposeCode: (form.permit?.purpose as string | undefined) ?? null,
      status: next,
      provinceCode: dates.provinceCode,
      // The directorate the person came to, whatever province they live in.
      directorateId,
      formData: app.formData,
      requestedMonths: dates.months,
      cardFeeKurus: fee.cardFeeKurus,
      permitFeeKurus: fee.permitFeeKurus,
      feeTotalKurus: fee.totalKurus,
      accrualReference: newAccrualReference(),
      submittedAt: new Date(),
    })
    await tx.insert(applicationEvents).values([
      {
        applicationId: created.id,
        fromStatus: null,
        toStatus: 'submitted',
        actorUserId: actor.userId,
        reasonCode: 'walk_in',
      },
      { applicationId: created.id, fromStatus: 'submitted', toStatus: next, actorUserId: null },
    ])
    // The one who opened a restricted file is named on it; national admins see it anyway.
    if (restricted)
      await tx.insert(restrictedCaseStaff).values({
        applicationId: created.id,
        userId: actor.userId,
        addedByUserId: actor.userId,
      })
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: 'application.walk_in_registered',
      entityType: 'application',
      entityId: created.id,
      details: { permitType, restricted },
    })
    return { ok: true, ...created }
  })
  if (!result.ok && 'reason' in result && result.reason === 'key_reused')
    return refusal('key_reused')
  return result as WalkInResult
}

function refusal(reason: string, messageKey?: string): WalkInResult {
  return { ok: false, reason, messageKey: messageKey ?? `application:submitErrors.${reason}` }
}
