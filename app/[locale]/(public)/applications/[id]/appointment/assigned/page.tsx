import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { AssignmentRequestForm } from '@/components/appointments/assignment-request-form'
import { AssignmentRequestSummary } from '@/components/appointments/assignment-request-summary'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { loadMyAssignment } from '@/lib/server/appointments/assignment'
import { loadForPage } from '@/lib/server/page-access'
import { assignmentAction } from './actions'

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<{ done?: string }>
}
const DONE = new Set(['requested', 'cancelled'])

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'assignment:title')
}

export default async function AssignedAppointmentPage({ params, searchParams }: Props) {
  const { locale, id } = await params
  if (!isLocale(locale)) notFound()
  const base = paths.appointment(locale, id)
  const { application: app, ...my } = await loadForPage(
    locale,
    'applicant',
    `${base}/assigned`,
    () => loadMyAssignment(id),
  )
  // Elsewhere the applicant chooses the time on the appointment pages.
  if (!my.assigns) redirect(base)
  const { done } = await searchParams
  const t = getT(locale, 'assignment')
  const bind = (op: 'request' | 'cancel') => assignmentAction.bind(null, { locale, id }, op)
  return (
    <>
      <span className="hint ref">{app.reference}</span>
      <h1>{t('title')}</h1>
      {done && DONE.has(done) ? (
        <p className="notice" role="status">
          {t(`done.${done}`)}
        </p>
      ) : null}
      {['lead', 'how', 'urgency', 'email'].map((key) => (
        <p key={key}>{t(key)}</p>
      ))}
      {my.appointment?.status === 'confirmed' ? (
        <p className="notice">
          {t('hasAppointment')} <Link href={base}>{t('seeAppointment')}</Link>
        </p>
      ) : app.status !== 'awaiting_appointment' ? (
        <p>{t('notBookable')}</p>
      ) : (
        <>
          {my.request?.status === 'waiting' ? (
            <AssignmentRequestSummary
              request={my.request}
              locale={locale}
              cancelAction={bind('cancel')}
            />
          ) : null}
          <AssignmentRequestForm
            locale={locale}
            action={bind('request')}
            window={my.window}
            current={my.request}
          />
        </>
      )}
      <p>
        <Link href={paths.application(locale, id)}>{t('back')}</Link>
      </p>
    </>
  )
}
