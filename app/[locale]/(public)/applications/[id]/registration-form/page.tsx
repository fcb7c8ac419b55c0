import { notFound, redirect } from 'next/navigation'
import { BilingualLabel } from '@/components/application/bilingual-label'
import { PrintButton } from '@/components/ui/print-button'
import { isLocale } from '@/lib/domain/locales'
import { nationalityName } from '@/lib/domain/nationalities'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { getMyApplication } from '@/lib/server/applications/my-application'
import { findMyAppointment } from '@/lib/server/appointments/my-appointment'
import { formatAppointmentTime } from '@/lib/i18n/format-appointment-time'
import { loadForPage } from '@/lib/server/page-access'

type Props = { params: Promise<{ locale: string; id: string }> }
type Answers = Record<string, Record<string, string | number | undefined> | undefined>

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'application:registration.title')
}

/** The registration form (İkamet İzni Kayıt Formu) to print or save as PDF, in the reader's language beside Turkish. */
export default async function RegistrationFormPage({ params }: Props) {
  const { locale, id } = await params
  if (!isLocale(locale)) notFound()
  const [app, appointment] = await loadForPage(
    locale,
    'applicant',
    `${paths.application(locale, id)}/registration-form`,
    () => Promise.all([getMyApplication(id), findMyAppointment(id)]),
  )
  if (app.status === 'draft') redirect(paths.application(locale, id))
  const t = getT(locale, ['application', 'common'])
  const tr = locale === 'tr' ? null : getT('tr', ['application', 'common'])
  const form = app.formData as Answers
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'TRY' })
  const rows: [string, string | null][] = [
    ['registration.reference', app.reference],
    ['registration.kind', t(`common:kind.${app.kind}`)],
    ['registration.permitType', t(`common:permitType.${app.permitTypeCode}`)],
    ['fields.purpose.label', app.purposeCode ? t(`purposes.${app.purposeCode}`) : null],
    ['fields.requestedMonths.label', app.requestedMonths ? String(app.requestedMonths) : null],
    [
      'registration.name',
      form.personal ? `${form.personal.givenNames} ${form.personal.surname}` : null,
    ],
    [
      'fields.dateOfBirth.label',
      form.personal?.dateOfBirth ? String(form.personal.dateOfBirth) : null,
    ],
    [
      'fields.nationality.label',
      form.personal?.nationality
        ? nationalityName(String(form.personal.nationality), locale)
        : null,
    ],
    [
      'fields.passportNumber.label',
      form.passport?.passportNumber ? String(form.passport.passportNumber) : null,
    ],
    [
      'registration.address',
      form.address
        ? `${form.address.street}, ${form.address.neighbourhood}, ${form.address.district}, ${app.provinceName ?? ''}`
        : null,
    ],
    ['registration.directorate', app.directorateName],
    [
      'registration.appointment',
      appointment?.status === 'confirmed'
        ? `${formatAppointmentTime(appointment.startsAt, locale)}, ${appointment.officeName}, ${appointment.officeAddress}`
        : null,
    ],
    ['registration.fee', app.feeTotalKurus !== null ? money.format(app.feeTotalKurus / 100) : null],
    ['registration.status', t(`common:status.${app.status}`)],
  ]
  return (
    <article className="registration-form">
      <h1>
        <BilingualLabel t={t} tr={tr} k="registration.title" />
      </h1>
      <table>
        <tbody>
          {rows
            .filter(([, value]) => value !== null)
            .map(([key, value]) => (
              <tr key={key}>
                <th scope="row">
                  <BilingualLabel t={t} tr={tr} k={key} />
                </th>
                <td dir="auto">{value}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <p>{t('registration.bring')}</p>
      <PrintButton label={t('registration.print')} />
    </article>
  )
}
