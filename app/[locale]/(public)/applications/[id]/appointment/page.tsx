import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AppointmentActions } from '@/components/appointments/appointment-actions'
import { AppointmentSummary } from '@/components/appointments/appointment-summary'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { getMyApplication } from '@/lib/server/applications/my-application'
import { myDirectorateAssignsDates } from '@/lib/server/appointments/assignment'
import { loadBookingRules } from '@/lib/server/appointments/booking-settings'
import { findMyAppointment } from '@/lib/server/appointments/my-appointment'
import { findOpenDraws } from '@/lib/server/appointments/release-draws'
import { loadForPage } from '@/lib/server/page-access'

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<{ done?: string }>
}
const DONE = new Set(['booked', 'rescheduled', 'cancelled'])

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'appointments:title')
}

export default async function AppointmentPage({ params, searchParams }: Props) {
  const { locale, id } = await params
  if (!isLocale(locale)) notFound()
  const here = paths.appointment(locale, id)
  const [app, appointment, draws, assigns] = await loadForPage(locale, 'applicant', here, () =>
    Promise.all([
      getMyApplication(id),
      findMyAppointment(id),
      findOpenDraws(id),
      myDirectorateAssignsDates(id),
    ]),
  )
  const { done } = await searchParams
  const t = getT(locale, ['appointments', 'draws'])
  const rules = await loadBookingRules()
  const left = appointment ? Math.max(0, rules.maxReschedules - appointment.rescheduleCount) : 0
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
            {t('changesLeft', { count: left, hours: rules.noChangesWithinHours })}
          </p>
          <AppointmentActions
            locale={locale}
            applicationId={id}
            base={here}
            canChooseTime={!assigns}
          />
        </>
      ) : appointment?.status === 'held' ? (
        <p>
          <Link href={`${here}/confirm`} className="button">
            {t('held.title')}
          </Link>
        </p>
      ) : app.status === 'awaiting_appointment' ? (
        <>
          <p>
            <Link href={`${here}/${assigns ? 'assigned' : 'choose'}`} className="button">
              {t('book')}
            </Link>
          </p>
          {draws.length > 0 ? (
            <p>
              <Link href={`${here}/draw`}>{t('draws:appointmentLink')}</Link>
            </p>
          ) : null}
        </>
      ) : (
        <p>{t('notBookable')}</p>
      )}
      <p>
        <Link href={paths.application(locale, id)}>{t('actions.back')}</Link>
      </p>
    </>
  )
}
