import type { ApplicationKind, ApplicationStatus } from '@/lib/domain/application-status'
import type { Locale } from '@/lib/domain/locales'
import { nationalityName } from '@/lib/domain/nationalities'
import { getT } from '@/lib/i18n/create-translator'
import { formatDate, formatDateTime } from '@/lib/i18n/format-date'
import { formatMoney, formatNumber } from '@/lib/i18n/format-number'

type Answers = Record<string, Record<string, string | number | undefined> | undefined>

/** What the registration form shows, as the page reads it from the application. */
export type RegistrationFacts = {
  reference: string
  kind: ApplicationKind
  permitTypeCode: string
  purposeCode: string | null
  status: ApplicationStatus
  formData: Record<string, unknown>
  feeTotalKurus: number | null
  /** Paid apart (domain.md §8); null on applications sent before they were stored apart. */
  cardFeeKurus?: number | null
  permitFeeKurus?: number | null
  requestedMonths: number | null
  provinceName: string | null
  directorateName: string | null
  appointment: { startsAt: string; officeName: string; officeAddress: string } | null
}

/** One line of the form: its label key and its value in a given language (null: not shown). */
export type RegistrationRow = { key: string; value: (locale: Locale) => string | null }

/**
 * The lines of the registration form. Each value is written per language, so the page can
 * show it in the applicant's language and in Turkish, which the staff who read the form use.
 */
export function registrationRows(facts: RegistrationFacts): RegistrationRow[] {
  const form = facts.formData as Answers
  const personal = form.personal
  const t = (locale: Locale) => getT(locale, ['application', 'common'])
  const same = (value: string | null) => () => value
  return [
    { key: 'registration.reference', value: same(facts.reference) },
    { key: 'registration.kind', value: (l) => t(l)(`common:kind.${facts.kind}`) },
    {
      key: 'registration.permitType',
      value: (l) => t(l)(`common:permitType.${facts.permitTypeCode}`),
    },
    {
      key: 'fields.purpose.label',
      value: (l) => (facts.purposeCode ? t(l)(`purposes.${facts.purposeCode}`) : null),
    },
    {
      key: 'fields.requestedMonths.label',
      value: (l) => (facts.requestedMonths ? formatNumber(facts.requestedMonths, l) : null),
    },
    {
      key: 'registration.name',
      value: same(personal ? `${personal.givenNames} ${personal.surname}` : null),
    },
    {
      key: 'fields.dateOfBirth.label',
      value: (l) => (personal?.dateOfBirth ? formatDate(String(personal.dateOfBirth), l) : null),
    },
    {
      key: 'fields.nationality.label',
      value: (l) =>
        personal?.nationality ? nationalityName(String(personal.nationality), l) : null,
    },
    {
      key: 'fields.passportNumber.label',
      value: same(form.passport?.passportNumber ? String(form.passport.passportNumber) : null),
    },
    {
      key: 'registration.address',
      value: same(
        form.address
          ? `${form.address.street}, ${form.address.neighbourhood}, ${form.address.district}, ${facts.provinceName ?? ''}`
          : null,
      ),
    },
    { key: 'registration.directorate', value: same(facts.directorateName) },
    {
      key: 'registration.appointment',
      value: (l) =>
        facts.appointment
          ? `${formatDateTime(facts.appointment.startsAt, l)}, ${facts.appointment.officeName}, ${facts.appointment.officeAddress}`
          : null,
    },
    {
      key: 'check.feeCard',
      value: (l) => (facts.cardFeeKurus != null ? formatMoney(facts.cardFeeKurus, l) : null),
    },
    {
      key: 'check.feePermit',
      value: (l) => (facts.permitFeeKurus != null ? formatMoney(facts.permitFeeKurus, l) : null),
    },
    {
      key: 'registration.fee',
      value: (l) => (facts.feeTotalKurus !== null ? formatMoney(facts.feeTotalKurus, l) : null),
    },
    { key: 'registration.status', value: (l) => t(l)(`common:status.${facts.status}`) },
  ]
}
