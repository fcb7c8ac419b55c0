import { randomUUID } from 'node:crypto'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { AppointmentSummary } from '@/components/appointments/appointment-summary'
import { IdempotentForm } from '@/components/form/idempotent-form'
import { checkCancellation } from '@/lib/domain/appointments/booking-rules'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { getMyApplication } from '@/lib/server/applications/my-application'
import { loadBookingRules } from '@/lib/server/appointments/booking-settings'
import { findMyAppointment } from '@/lib/server/appointments/my-appointment'
import { loadForPage } from '@/lib/server/page-access'
import { bookingAction } from '../actions'

type Props = { params: Promise<{ locale: string; id: string }> }

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'appointments:cancel.title')
}

export default async function CancelAppointmentPage({ params }: Props) {
  const { locale, id } = await params
  if (!isLocale(locale)) notFound()
  const base = paths.appointment(locale, id)
  const [app, appointment] = await loadForPage(locale, 'applicant', `${base}/cancel`, () =>
    Promise.all([getMyApplication(id), findMyAppointment(id)]),
  )
  if (appointment?.status !== 'confirmed') redirect(base)
  const rules = await loadBookingRules()
  const check = checkCancellation({
    startsAt: new Date(appointment.startsAt),
    now: new Date(),
    rules,
  })
  const t = getT(locale, 'appointments')
  return (
    <>
      <h1>{t('cancel.title')}</h1>
      <AppointmentSummary appointment={appointment} reference={app.reference} locale={locale} />
      <p>{t('cancel.lead')}</p>
      {check.ok && check.late ? (
        <p className="notice">{t('cancel.late', { hours: rules.noChangesWithinHours })}</p>
      ) : null}
      <IdempotentForm
        idempotencyKey={randomUUID()}
        action={bookingAction.bind(null, { locale, id }, 'cancel')}
        submitLabel={t('cancel.confirm')}
        secondary
      />
      <p>
        <Link href={base}>{t('cancel.keep')}</Link>
      </p>
    </>
  )
}
