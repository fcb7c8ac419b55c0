import { notFound, redirect } from 'next/navigation'
import { BilingualLabel, BilingualValue } from '@/components/application/bilingual-label'
import { registrationRows } from '@/components/application/registration-rows'
import { PrintButton } from '@/components/ui/print-button'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { getMyApplication } from '@/lib/server/applications/my-application'
import { findMyAppointment } from '@/lib/server/appointments/my-appointment'
import { loadForPage } from '@/lib/server/page-access'

type Props = { params: Promise<{ locale: string; id: string }> }

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'application:registration.title')
}

/**
 * The registration form (İkamet İzni Kayıt Formu) to print or save as PDF: labels and values in
 * the reader's language with the Turkish beside them, as the staff who receive it read Turkish.
 */
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
  const rows = registrationRows({
    ...app,
    appointment: appointment?.status === 'confirmed' ? appointment : null,
  })
  return (
    <article className="registration-form">
      <h1>
        <BilingualLabel t={t} tr={tr} k="registration.title" />
      </h1>
      <table>
        <tbody>
          {rows.map(({ key, value }) => {
            const shown = value(locale)
            if (shown === null) return null
            return (
              <tr key={key}>
                <th scope="row">
                  <BilingualLabel t={t} tr={tr} k={key} />
                </th>
                <td dir="auto">
                  <BilingualValue value={shown} tr={tr ? value('tr') : null} />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p>{t('registration.bring')}</p>
      <PrintButton label={t('registration.print')} />
    </article>
  )
}
