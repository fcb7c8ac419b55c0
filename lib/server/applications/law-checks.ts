import 'server-only'
import { ageOn, isInFuture } from '@/lib/domain/permits/ages'
import { isIsoDate, type IsoDate } from '@/lib/domain/permits/dates'
import {
  checkFamilyMember,
  checkSponsorIncome,
  checkSponsorPermit,
} from '@/lib/domain/permits/family'
import { checkLongTermEligibility, type LongTermReason } from '@/lib/domain/permits/long-term'
import type { PermitTypeCode, ShortTermPurposeCode } from '@/lib/domain/permits/permit-types'
import { checkShortTermPurpose } from '@/lib/domain/permits/purposes'
import { checkStudentPeriod, type StudyLevel } from '@/lib/domain/permits/student'
import {
  checkExtensionType,
  checkTypeChange,
  heldContinuouslySince,
  type FamilyExitGround,
} from '@/lib/domain/permits/type-changes'
import { sectionsFor, type SectionKey } from '@/lib/schemas/application/sections'
import { loadRuleSetting } from '../rule-settings'
import { listMyHeldPermits, loadPurposeLimits, type HeldPermitPeriod } from './law-facts'
import type { MyApplication } from './my-application'
import { permitStartDate } from './permit-period'

// The rules of Law 6458 and its regulation that need more than one answer: today's date in
// Türkiye, other tasks, or the permits the applicant holds (issue 12). Saving a task runs
// its part; sending the application runs all of them again. Each answer is an i18n key that
// names the rule.

type Values = Record<string, unknown>
export type FieldErrors = Record<string, string>
type LawApp = Pick<
  MyApplication,
  'kind' | 'permitTypeCode' | 'purposeCode' | 'basedOnPermitValidUntil' | 'formData'
>

const dateOf = (v: unknown): IsoDate | null => (typeof v === 'string' && isIsoDate(v) ? v : null)
const sectionOf = (form: Values, key: string) => (form[key] as Values | undefined) ?? {}

/** The applicant's age today, from the personal task; null before it is answered. */
function applicantAge(form: Values, today: IsoDate): number | null {
  const born = dateOf(sectionOf(form, 'personal').dateOfBirth)
  return born && !isInFuture(born, today) ? ageOn(born, today) : null
}

/** Field errors of one task, given its checked `values` and the rest of the draft. */
export async function lawFieldErrors(
  app: LawApp,
  section: SectionKey,
  values: Values,
  today: IsoDate,
): Promise<FieldErrors> {
  const form = { ...app.formData, [section]: values }
  const future = futureDateErrors(section, values, today)
  if (Object.keys(future).length > 0) return future
  if (section === 'permit') return permitErrors(app, values, today)
  if (section === 'sponsor') return sponsorErrors(form, values, today)
  return {}
}

/**
 * Item 15: a birth or entry date cannot lie after today in Türkiye. Also asked while other
 * answers of the task are still wrong, so the person sees every problem in one go.
 */
export function futureDateErrors(section: SectionKey, values: Values, today: IsoDate): FieldErrors {
  if (section === 'personal' && isFuture(values.dateOfBirth, today))
    return { dateOfBirth: 'validation:date.future' }
  if (section === 'passport' && isFuture(values.entryDate, today))
    return { entryDate: 'validation:date.future' }
  return {}
}

const isFuture = (v: unknown, today: IsoDate) => {
  const d = dateOf(v)
  return d !== null && isInFuture(d, today)
}

async function permitErrors(app: LawApp, values: Values, today: IsoDate): Promise<FieldErrors> {
  const type = app.permitTypeCode
  if (type === 'short_term') return purposeErrors(app, values, today)
  if (type === 'student') {
    const check = checkStudentPeriod({
      level: values.studyLevel as StudyLevel,
      startDate: permitStartDate(app, today),
      months: Number(values.requestedMonths),
      programmeEndsOn: String(values.programmeEndsOn),
    })
    if (check.ok) return {}
    if (check.reason === 'programme_ended')
      return { programmeEndsOn: 'validation:student.programme_ended' }
    return { requestedMonths: `validation:student.${check.reason}` }
  }
  if (type === 'long_term') {
    // The years are checked at the start and when sending; here what the task declares.
    const reasons = (await longTermCheck(app.formData, values, today)).reasons
    const field: Partial<Record<LongTermReason, string>> = {
      social_assistance: 'socialAssistance',
      no_income: 'sufficientIncome',
      excluded_status: 'excludedStatus',
    }
    const first = reasons.find((r) => field[r])
    return first ? { [field[first]!]: `validation:longTerm.${first}` } : {}
  }
  return {}
}

async function purposeErrors(app: LawApp, values: Values, today: IsoDate): Promise<FieldErrors> {
  const purpose = values.purpose as ShortTermPurposeCode
  // Art. 31(1)(ğ) is only for a family permit holder switching type, and such a switch is ğ.
  const fromFamily = app.purposeCode === 'from_family_permit'
  if (fromFamily !== (purpose === 'from_family_permit'))
    return {
      purpose: fromFamily
        ? 'validation:purpose.mustBeFromFamily'
        : 'validation:purpose.fromFamilyOnly',
    }
  if (purpose !== 'recent_graduate') delete values.graduatedOn
  const held = await listMyHeldPermits()
  const check = checkShortTermPurpose({
    purpose,
    previousGrants: held.filter((p) => p.purpose === purpose).length,
    graduatedOn: dateOf(values.graduatedOn),
    today,
    limits: await loadPurposeLimits(),
  })
  if (check.ok) return {}
  if (check.reason === 'purpose_grants_used')
    return { purpose: `validation:purpose.${purpose}_used` }
  if (check.reason === 'graduation_in_future') return { graduatedOn: 'validation:date.future' }
  return { graduatedOn: `validation:graduation.${check.reason}` }
}

async function sponsorErrors(form: Values, values: Values, today: IsoDate): Promise<FieldErrors> {
  const age = applicantAge(form, today)
  if (age !== null) {
    const member = checkFamilyMember({ relationship: String(values.relationship), age })
    if (!member.ok) return { relationship: `validation:sponsor.${member.reason}` }
  }
  if (values.sponsorCitizenship === 'foreigner') {
    if (isFuture(values.sponsorPermitHeldSince, today))
      return { sponsorPermitHeldSince: 'validation:date.future' }
    const held = checkSponsorPermit({
      citizenship: 'foreigner',
      heldSince: dateOf(values.sponsorPermitHeldSince),
      today,
    })
    if (!held.ok) return { sponsorPermitHeldSince: 'validation:sponsor.sponsor_permit_too_recent' }
  }
  const income = checkSponsorIncome({
    monthlyIncomeKurus: Number(values.sponsorMonthlyIncome) * 100,
    familyMembers: Number(values.familyMembers),
    minimumWageKurus: await loadRuleSetting('monthly_minimum_wage_kurus'),
  })
  return income.ok ? {} : { sponsorMonthlyIncome: 'validation:sponsor.sponsor_income_too_low' }
}

/**
 * Law 6458 art. 42–43 with the permits on record and what the applicant declares. Before the
 * permit task is answered the declarations count as met, so the start checks the years only.
 */
export async function longTermCheck(form: Values, permitAnswers: Values | null, today: IsoDate) {
  const held = await listMyHeldPermits()
  const insurance = sectionOf(form, 'insurance').insuranceType
  return checkLongTermEligibility({
    today,
    permits: held.map((p) => ({ type: p.type, from: p.from, until: p.until })),
    receivedSocialAssistanceInLast3Years: permitAnswers?.socialAssistance === 'yes',
    hasSufficientIncome: permitAnswers ? permitAnswers.sufficientIncome === 'yes' : true,
    hasHealthInsurance: insurance === undefined || insurance !== 'not_required',
    holdsExcludedStatus: permitAnswers?.excludedStatus === 'yes',
  })
}

/** Art. 29 and Reg. art. 34 for a draft's change of type, with what is known so far. */
export function typeChangeCheck(input: {
  from: PermitTypeCode
  to: PermitTypeCode
  ground: FamilyExitGround | null
  held: readonly HeldPermitPeriod[]
  age: number | null
  today: IsoDate
}) {
  return checkTypeChange({
    from: input.from,
    to: input.to,
    today: input.today,
    familyExitGround: input.ground,
    familySince: heldContinuouslySince(input.held, 'family', input.today),
    age: input.age,
  })
}

export type LawRefusal = { reason: string; messageKey: string }

/** Every law rule again before sending: the first one broken, or null. */
export async function lawRefusalAtSubmit(app: LawApp, today: IsoDate): Promise<LawRefusal | null> {
  const form = app.formData
  if (app.kind === 'extension') {
    const byType = checkExtensionType(app.permitTypeCode as PermitTypeCode)
    if (!byType.ok)
      return { reason: byType.reason, messageKey: `application:refusals.${byType.reason}` }
  }
  const eligibility = sectionOf(form, 'eligibility')
  if (app.kind === 'transition' && typeof eligibility.fromType === 'string') {
    const change = typeChangeCheck({
      from: eligibility.fromType as PermitTypeCode,
      to: app.permitTypeCode as PermitTypeCode,
      ground: (eligibility.familyExitGround as FamilyExitGround | undefined) ?? null,
      held: await listMyHeldPermits(),
      age: applicantAge(form, today),
      today,
    })
    if (!change.ok)
      return { reason: change.reason, messageKey: `application:refusals.${change.reason}` }
  }
  if (app.permitTypeCode === 'long_term') {
    const result = await longTermCheck(form, sectionOf(form, 'permit'), today)
    const reason = result.reasons[0]
    if (reason) return { reason, messageKey: `application:submitErrors.${reason}` }
  }
  for (const section of sectionsFor(app.permitTypeCode)) {
    const saved = form[section] as Values | undefined
    if (!saved) continue
    const errors = await lawFieldErrors(app, section, { ...saved }, today)
    const [key] = Object.values(errors)
    if (key) return { reason: 'rule_broken', messageKey: key }
  }
  return null
}
