import 'server-only'
import type { IsoDate } from '@/lib/domain/permits/dates'
import { isIndefinitePermitType } from '@/lib/domain/permits/permit-types'
import {
  checkFirstApplicationTiming,
  checkPassportValidity,
  requestedEndDate,
} from '@/lib/domain/permits/timing'
import { allTasksComplete } from '@/lib/schemas/application/task-list'
import { checkInsuranceAnswer } from './insurance-check'
import { lawRefusalAtSubmit } from './law-checks'
import type { MyApplication } from './my-application'
import {
  checkPermitPeriod,
  permitStartDate,
  taskContextFor,
  type PeriodSource,
} from './permit-period'

// The checks an application passes before it is sent, shared by the applicant's own submit and
// a walk-in registered by staff (issue 13), so both follow one copy of the rules.

export type SendingApp = Pick<
  MyApplication,
  'kind' | 'permitTypeCode' | 'purposeCode' | 'formData'
> &
  PeriodSource
export type SendingRefusal = { ok: false; reason: string; messageKey?: string }

/** The answers: the period, every task complete, and every rule of the law with today's date. */
export async function refusalOfAnswers(
  app: SendingApp,
  today: IsoDate,
): Promise<SendingRefusal | null> {
  // With the catalogue and the sponsor as they are now: the answers were checked one task at
  // a time, and the sponsor may have been saved after the period.
  const period = await checkPermitPeriod(
    app,
    app.formData.permit as Record<string, unknown> | undefined,
    app.formData,
    today,
  )
  if (period && !period.ok) return { ok: false, reason: period.reason }
  if (!allTasksComplete(app.formData, taskContextFor(app, today)))
    return { ok: false, reason: 'tasks_incomplete' }
  const law = await lawRefusalAtSubmit(app, today)
  return law ? { ok: false, ...law } : null
}

export type SendingDates = { ok: true; months: number | null; provinceCode: number }

/** The dates: passport beyond the period, the legal stay of a first application, insurance. */
export function checkDatesBeforeSending(
  app: SendingApp,
  today: IsoDate,
): SendingDates | SendingRefusal {
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
  return { ok: true, months, provinceCode: Number(form.address!.provinceCode) }
}
