import 'server-only'
import type { IsoDate } from '@/lib/domain/permits/dates'
import {
  checkRequestedMonths,
  type PermitTypeCode,
  type RequestedMonthsCheck,
  type ShortTermPurposeCode,
} from '@/lib/domain/permits/permit-types'
import { sponsorPermitLimit } from '@/lib/schemas/application/sponsor'
import type { TaskContext } from '@/lib/schemas/application/task-list'
import { todayInIstanbul } from '../clock'
import type { MyApplication } from './my-application'
import { loadPermitCatalogue } from './permit-catalogue'

/** `openedByStaff`: a humanitarian or trafficking-victim file staff open (issue 13). */
export type PeriodSource = Pick<
  MyApplication,
  'kind' | 'permitTypeCode' | 'basedOnPermitValidUntil'
> & {
  openedByStaff?: boolean
}

/** An extended permit continues from the day the current one ends (art. 24); others start today. */
export function permitStartDate(app: PeriodSource, today: IsoDate = todayInIstanbul()): IsoDate {
  return app.kind === 'extension' && app.basedOnPermitValidUntil
    ? app.basedOnPermitValidUntil
    : today
}

/** What the task list of this application needs besides its answers. */
export function taskContextFor(app: PeriodSource, today?: IsoDate): TaskContext {
  return { permitTypeCode: app.permitTypeCode, permitStartDate: permitStartDate(app, today) }
}

/**
 * The requested period against the catalogue's cap and, for a family permit, the end of a
 * foreign sponsor's own permit as saved in `formData`. `permit` holds the period answers to
 * check (just typed, or saved). Null when no period has been given yet.
 */
export async function checkPermitPeriod(
  app: PeriodSource,
  permit: Record<string, unknown> | undefined,
  formData: Record<string, unknown>,
  today?: IsoDate,
): Promise<RequestedMonthsCheck | null> {
  if (permit?.requestedMonths === undefined) return null
  const purpose = app.permitTypeCode === 'short_term' ? permit.purpose : undefined
  return checkRequestedMonths({
    catalogue: await loadPermitCatalogue(),
    permitType: app.permitTypeCode as PermitTypeCode,
    purpose: (purpose as ShortTermPurposeCode | undefined) ?? null,
    months: Number(permit.requestedMonths),
    startDate: permitStartDate(app, today),
    sponsorPermitValidUntil: sponsorPermitLimit(formData),
    openedByStaff: app.openedByStaff,
  })
}
