import 'server-only'
import { isIsoDate, type IsoDate } from '@/lib/domain/permits/dates'
import { checkInsurance, type InsuranceCheck } from '@/lib/domain/permits/insurance'
import { requestedEndDate } from '@/lib/domain/permits/timing'
import { todayInIstanbul } from '../clock'
import type { MyApplication } from './my-application'
import { permitStartDate } from './permit-period'

type Values = Record<string, unknown>
type Source = Pick<MyApplication, 'kind' | 'permitTypeCode' | 'basedOnPermitValidUntil'>

const dateOrNull = (value: unknown): IsoDate | null =>
  typeof value === 'string' && isIsoDate(value) ? value : null

/**
 * The insurance answer `insurance` against the applicant's age and the requested period as
 * saved in `formData` (domain.md §9). Checked when the insurance is saved and again on submit,
 * since the date of birth and the period may be changed after it.
 */
export function checkInsuranceAnswer(
  app: Source,
  insurance: Values,
  formData: Values,
  today: IsoDate = todayInIstanbul(),
): InsuranceCheck {
  const personal = (formData.personal ?? {}) as Values
  const permit = (formData.permit ?? {}) as Values
  const months = Number(permit.requestedMonths)
  const permitEnd =
    Number.isSafeInteger(months) && months >= 1
      ? requestedEndDate(permitStartDate(app, today), months)
      : null
  return checkInsurance({
    insuranceType: String(insurance.insuranceType ?? ''),
    validUntil: dateOrNull(insurance.validUntil),
    dateOfBirth: dateOrNull(personal.dateOfBirth),
    today,
    permitEnd,
  })
}

/** The field a failed check belongs to, and its message key (validation namespace). */
export function insuranceFieldErrors(check: InsuranceCheck): Record<string, string> {
  if (check.ok) return {}
  const field = check.reason === 'not_required_not_allowed' ? 'insuranceType' : 'validUntil'
  return { [field]: `validation:insurance.${check.reason}` }
}
