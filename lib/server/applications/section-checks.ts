import 'server-only'
import { checkForeignerIdentityNumber } from '@/lib/domain/identity-numbers'
import { compareIsoDates } from '@/lib/domain/permits/dates'
import { normalisePhoneNumber } from '@/lib/domain/phone-number'
import { sectionSchemaFor, type SectionKey } from '@/lib/schemas/application/sections'
import { fieldErrorsFrom } from '@/lib/schemas/form-state'
import { todayInIstanbul } from '../clock'
import { loadRuleSetting } from '../rule-settings'
import { futureDateErrors, lawFieldErrors } from './law-checks'
import type { SendingApp } from './sending-checks'
import { checkInsuranceAnswer, insuranceFieldErrors } from './insurance-check'
import { checkPermitPeriod } from './permit-period'

type Values = Record<string, unknown>
export type FieldErrors = Record<string, string>

/** Foreigner-number fields, per task, whose check digits the checksum setting governs. */
const FOREIGNER_ID_FIELDS: Partial<Record<SectionKey, string>> = {
  personal: 'foreignerIdNumber',
  sponsor: 'sponsorIdentityNumber',
}

/**
 * The check digits of a foreigner number, when the `foreigner_id_checksum` setting asks for
 * them. The schema has already checked the format, so only a mismatch is left to find.
 */
async function checksumErrors(section: SectionKey, values: Values): Promise<FieldErrors> {
  const field = FOREIGNER_ID_FIELDS[section]
  const value = field ? values[field] : undefined
  if (typeof value !== 'string' || !value.startsWith('99')) return {}
  if (section === 'sponsor' && values.sponsorCitizenship !== 'foreigner') return {}
  if (!(await loadRuleSetting('foreigner_id_checksum'))) return {}
  const check = checkForeignerIdentityNumber(value, { enforceChecksum: true })
  return check === 'checksum_mismatch' ? { [field!]: 'validation:foreignerId.checksum' } : {}
}

/**
 * The phone number against its country's number plan (the schema, which also runs in the
 * browser, checked only its shape); a number that fits is stored in its E.164 form.
 */
function phoneErrors(section: SectionKey, values: Values): FieldErrors {
  if (section !== 'personal' || typeof values.phone !== 'string') return {}
  const normalised = normalisePhoneNumber(values.phone)
  if (!normalised) return { phone: 'validation:phone.invalid' }
  values.phone = normalised.e164
  return {}
}

/**
 * Field checks only the server can make, for a whole task or for the answers kept by "save
 * and come back later": a field with an error here is not stored.
 */
export async function serverFieldErrors(section: SectionKey, values: Values): Promise<FieldErrors> {
  return { ...phoneErrors(section, values), ...(await checksumErrors(section, values)) }
}

/**
 * What a complete task needs beyond its schema: the settings, today's date and the other
 * tasks of this application. Drops answers that do not apply to it (a purpose outside
 * short-term permits, a permit date for a citizen sponsor) from `values`.
 */
export async function sectionRuleErrors(
  app: SendingApp,
  section: SectionKey,
  values: Values,
): Promise<FieldErrors> {
  const fields = await serverFieldErrors(section, values)
  if (Object.keys(fields).length > 0) return fields
  const today = todayInIstanbul()
  if (section === 'permit') {
    // The sponsor saved so far sets the family permit's limit; saving the sponsor later
    // checks again (see saveSectionAnswers).
    const period = await checkPermitPeriod(app, values, app.formData)
    if (period && !period.ok) return { requestedMonths: `validation:months.${period.reason}` }
  }
  if (section === 'insurance') {
    const insurance = insuranceFieldErrors(checkInsuranceAnswer(app, values, app.formData))
    if (Object.keys(insurance).length > 0) return insurance
  }
  if (section === 'sponsor') {
    if (values.sponsorCitizenship !== 'foreigner') delete values.sponsorPermitValidUntil
    const until = values.sponsorPermitValidUntil
    if (values.sponsorCitizenship !== 'foreigner') delete values.sponsorPermitHeldSince
    if (typeof until === 'string' && compareIsoDates(until, today) < 0)
      return { sponsorPermitValidUntil: 'validation:sponsor.permitEnded' }
  }
  return lawFieldErrors(app, section, values, today)
}

export type TaskCheck = { ok: true; values: Values } | { ok: false; fieldErrors: FieldErrors }

/**
 * One complete task as typed: its schema, then the rules beyond it. The applicant's task form
 * and a walk-in registered by staff (issue 13) both check their answers here, so they give
 * the same messages. A future birth or entry date is named even while other answers are wrong.
 */
export async function checkTaskAnswers(
  app: SendingApp,
  section: SectionKey,
  raw: Record<string, string>,
): Promise<TaskCheck> {
  const parsed = sectionSchemaFor(section, app.permitTypeCode).safeParse(raw)
  if (!parsed.success) {
    const future = futureDateErrors(section, raw, todayInIstanbul())
    return { ok: false, fieldErrors: { ...future, ...fieldErrorsFrom(parsed.error) } }
  }
  const values: Values = { ...parsed.data }
  const errors = await sectionRuleErrors(app, section, values)
  return Object.keys(errors).length > 0 ? { ok: false, fieldErrors: errors } : { ok: true, values }
}
