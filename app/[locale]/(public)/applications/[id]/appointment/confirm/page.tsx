import { randomUUID } from 'node:crypto'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { AppointmentSummary } from '@/components/appointments/appointment-summary'
import { IdempotentForm } from '@/components/form/idempotent-form'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatTime } from '@/lib/i18n/format-date'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { getMyApplication } from '@/lib/server/applications/my-application'
import { findMyAppointment } from '@/lib/server/appointments/my-appointment'
import { loadForPage } from '@/lib/server/page-access'
import { bookingAction } from '../actions'

type Props = { params: Promise<{ locale: string; id: string }> }

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'appointments:held.title')
}

export default async function ConfirmHoldPage({ params }: Props) {
  const { locale, id } = await params
  if (!isLocale(locale)) notFound()
  const base = paths.appointment(locale, id)
  const [app, held] = await loadForPage(locale, 'applicant', `${base}/confirm`, () =>
    Promise.all([getMyApplication(id), findMyAppointment(id)]),
  )
  if (held?.status !== 'held') redirect(base)
  const t = getT(locale, 'appointments')
  const until = formatTime(held.holdExpiresAt!, locale)
  return (
    <>
      <h1>{t('held.title')}</h1>
      <p className="notice">{t('held.lead', { time: until })}</p>
      <AppointmentSummary appointment={held} reference={app.reference} locale={locale} />
      <IdempotentForm
        idempotencyKey={randomUUID()}
        action={bookingAction.bind(null, { locale, id }, 'confirm')}
        submitLabel={t('held.confirm')}
      />
      <p>
        <Link href={`${base}/choose`}>{t('held.other')}</Link>
      </p>
    </>
  )
}
