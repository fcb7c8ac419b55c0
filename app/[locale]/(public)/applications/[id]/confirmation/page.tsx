import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDate } from '@/lib/i18n/format-date'
import { formatMoney } from '@/lib/i18n/format-number'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { getMyApplication } from '@/lib/server/applications/my-application'
import { myDirectorateAssignsDates } from '@/lib/server/appointments/assignment'
import { findMyAppointment } from '@/lib/server/appointments/my-appointment'
import { findOpenDraws } from '@/lib/server/appointments/release-draws'
import { loadForPage } from '@/lib/server/page-access'

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<{ notice?: string }>
}

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'application:confirmation.title')
}

export default async function ConfirmationPage({ params, searchParams }: Props) {
  const { locale, id } = await params
  if (!isLocale(locale)) notFound()
  const [app, appointment] = await loadForPage(
    locale,
    'applicant',
    paths.applicationConfirmation(locale, id),
    () => Promise.all([getMyApplication(id), findMyAppointment(id)]),
  )
  if (app.status === 'draft') redirect(paths.application(locale, id))
  const t = getT(locale, ['application', 'common', 'appointments'])
  const waiting = app.status === 'awaiting_appointment'
  const booking = paths.appointment(locale, id)
  // Straight to choosing a time (or asking for a date), unless there is a draw to offer too.
  const direct = waiting && !appointment && (await findOpenDraws(id)).length === 0
  const assigns = direct && (await myDirectorateAssignsDates(id))
  const bookingStep = direct ? `${booking}/${assigns ? 'assigned' : 'choose'}` : booking
  const payWhen = waiting ? 'appointment' : app.status === 'documents_submitted' ? 'now' : null
  return (
    <>
      {(await searchParams).notice === 'sent' ? (
        <p className="notice" role="status">
          {t('confirmation.alreadySent')}
        </p>
      ) : null}
      <div className="panel">
        <h1>{t('confirmation.title')}</h1>
        <p>{t('confirmation.referenceLabel')}</p>
        <p className="ref">{app.reference}</p>
      </div>
      <p>{t('confirmation.status', { status: t(`common:status.${app.status}`) })}</p>
      {app.feeTotalKurus !== null ? (
        <>
          <p>{t('confirmation.fee', { amount: formatMoney(app.feeTotalKurus, locale) })}</p>
          {app.cardFeeKurus !== null && app.permitFeeKurus !== null ? (
            <p>
              {t('confirmation.feeParts', {
                card: formatMoney(app.cardFeeKurus, locale),
                permit: formatMoney(app.permitFeeKurus, locale),
              })}
            </p>
          ) : null}
          {payWhen ? <p>{t(`confirmation.feePay.${payWhen}`)}</p> : null}
        </>
      ) : null}
      {app.directorateName ? (
        <p>{t('confirmation.directorate', { directorate: app.directorateName })}</p>
      ) : null}
      <h2>{t('confirmation.nextTitle')}</h2>
      <p>
        {app.status === 'documents_submitted' && app.documentsDueOn
          ? t('confirmation.next.post', { date: formatDate(app.documentsDueOn, locale) })
          : t(
              `confirmation.next.${app.status === 'documents_submitted' ? 'documents_submitted' : 'awaiting_appointment'}`,
            )}
      </p>
      {waiting ? (
        <p>
          <Link href={bookingStep} className="button">
            {t(appointment ? 'appointments:title' : 'appointments:book')}
          </Link>
        </p>
      ) : null}
      <p>
        <Link href={paths.applicationStatus(locale, id)}>{t('applications:progress.title')}</Link>
      </p>
      <p>
        <Link href={`${paths.application(locale, id)}/registration-form`}>
          {t('registration.open')}
        </Link>
      </p>
      <p>
        <Link href={paths.applications(locale)}>{t('confirmation.toMyApplications')}</Link>
      </p>
    </>
  )
}
