import { notFound, redirect } from 'next/navigation'
import { AppointmentSummary } from '@/components/appointments/appointment-summary'
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
  return pageMetadata(params, 'appointments:slip.title')
}

/** A page to print or save as PDF from the browser: the appointment and what to bring. */
export default async function AppointmentSlipPage({ params }: Props) {
  const { locale, id } = await params
  if (!isLocale(locale)) notFound()
  const base = paths.appointment(locale, id)
  const [app, appointment] = await loadForPage(locale, 'applicant', `${base}/slip`, () =>
    Promise.all([getMyApplication(id), findMyAppointment(id)]),
  )
  if (appointment?.status !== 'confirmed') redirect(base)
  const t = getT(locale, 'appointments')
  return (
    <article>
      <h1>{t('slip.title')}</h1>
      <AppointmentSummary appointment={appointment} reference={app.reference} locale={locale} />
      {app.directorateName ? <p>{t('directorate', { name: app.directorateName })}</p> : null}
      <p>{t('slip.bring')}</p>
      <p>{t('slip.arrive')}</p>
      <PrintButton label={t('slip.print')} />
    </article>
  )
}
