import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AppointmentSummary } from '@/components/appointments/appointment-summary'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { paths } from '@/lib/paths'
import { getMyApplication } from '@/lib/server/applications/my-application'
import { loadBookingRules } from '@/lib/server/appointments/booking-settings'
import { findMyAppointment } from '@/lib/server/appointments/my-appointment'
import { loadForPage } from '@/lib/server/page-access'

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<{ done?: string }>
}
const DONE = new Set(['booked', 'rescheduled', 'cancelled'])

export default async function AppointmentPage({ params, searchParams }: Props) {
  const { locale, id } = await params
  if (!isLocale(locale)) notFound()
  const here = paths.appointment(locale, id)
  const [app, appointment] = await loadForPage(locale, 'applicant', here, () =>
    Promise.all([getMyApplication(id), findMyAppointment(id)]),
  )
  const { done } = await searchParams
  const t = getT(locale, 'appointments')
  const rules = await loadBookingRules()
  return (
    <>
      <span className="hint ref">{app.reference}</span>
      <h1>{t('title')}</h1>
      {done && DONE.has(done) ? (
        <p className="notice" role="status">
          {t(`done.${done}`)}
        </p>
      ) : null}
      {appointment?.status === 'confirmed' ? (
        <>
          <p>{t('lead')}</p>
          <AppointmentSummary appointment={appointment} reference={app.reference} locale={locale} />
          <p className="hint">
            {t('changesLeft', {
              count: Math.max(0, rules.maxReschedules - appointment.rescheduleCount),
              hours: rules.noChangesWithinHours,
            })}
          </p>
          <ul className="card-list">
            <li>
              <Link href={`${here}/choose?change=1`}>{t('actions.change')}</Link>
            </li>
            <li>
              <Link href={`${here}/cancel`}>{t('actions.cancel')}</Link>
            </li>
            <li>
              <a href={`/api/v1/applications/${id}/appointment/calendar`} download>
                {t('actions.calendar')}
              </a>
            </li>
            <li>
              <Link href={`${here}/slip`}>{t('actions.slip')}</Link>
            </li>
          </ul>
        </>
      ) : appointment?.status === 'held' ? (
        <p>
          <Link href={`${here}/confirm`} className="button">
            {t('held.title')}
          </Link>
        </p>
      ) : app.status === 'awaiting_appointment' ? (
        <p>
          <Link href={`${here}/choose`} className="button">
            {t('book')}
          </Link>
        </p>
      ) : (
        <p>{t('notBookable')}</p>
      )}
      <p>
        <Link href={paths.application(locale, id)}>{t('actions.back')}</Link>
      </p>
    </>
  )
}
