import { randomUUID } from 'node:crypto'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AppointmentSummary } from '@/components/appointments/appointment-summary'
import { WaitlistOffer } from '@/components/appointments/waitlist-offer'
import { ErrorSummary } from '@/components/form/error-summary'
import { IdempotentForm } from '@/components/form/idempotent-form'
import { OFFER_MINUTES } from '@/lib/domain/appointments/waitlist-offer'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { getMyApplication } from '@/lib/server/applications/my-application'
import { findMyAppointment } from '@/lib/server/appointments/my-appointment'
import { findMyWaitlistEntry } from '@/lib/server/appointments/waitlist'
import { loadForPage } from '@/lib/server/page-access'
import { waitlistAction } from './actions'

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<{ done?: string; error?: string }>
}
const DONE = new Set(['joined', 'left', 'declined'])

export async function generateMetadata({ params, searchParams }: Props) {
  const { error } = await searchParams
  return pageMetadata(params, 'waitlist:title', { error: error === 'offer_gone' })
}

export default async function WaitlistPage({ params, searchParams }: Props) {
  const { locale, id } = await params
  if (!isLocale(locale)) notFound()
  const base = paths.appointment(locale, id)
  const [app, appointment, entry] = await loadForPage(locale, 'applicant', `${base}/waitlist`, () =>
    Promise.all([getMyApplication(id), findMyAppointment(id), findMyWaitlistEntry(id)]),
  )
  const { done, error } = await searchParams
  const t = getT(locale, 'waitlist')
  const form = (op: 'join' | 'leave' | 'accept' | 'decline', label: string, secondary = false) => (
    <IdempotentForm
      idempotencyKey={randomUUID()}
      action={waitlistAction.bind(null, { locale, id }, op)}
      submitLabel={label}
      secondary={secondary}
    />
  )
  const booked = appointment?.status === 'confirmed'
  return (
    <>
      <span className="hint ref">{app.reference}</span>
      <h1>{t('title')}</h1>
      {error === 'offer_gone' ? (
        <ErrorSummary errors={[{ fieldId: null, message: t('errors.offer_gone') }]} />
      ) : null}
      {done && DONE.has(done) ? (
        <p className="notice" role="status">
          {t(`done.${done}`)}
        </p>
      ) : null}
      {booked && entry?.offer ? (
        <WaitlistOffer offer={entry.offer} locale={locale}>
          {form('accept', t('offer.accept'))}
          {form('decline', t('offer.decline'), true)}
        </WaitlistOffer>
      ) : booked && entry ? (
        <>
          <p>{t('waiting')}</p>
          <p>{t('keep')}</p>
          {form('leave', t('leave'), true)}
        </>
      ) : booked ? (
        <>
          <p>{t('lead')}</p>
          <p>{t('how', { minutes: OFFER_MINUTES })}</p>
          <p>{t('keep')}</p>
          {form('join', t('join'))}
        </>
      ) : (
        <p>{t('needsAppointment')}</p>
      )}
      {booked ? (
        <>
          <h2>{t('current')}</h2>
          <AppointmentSummary appointment={appointment} reference={app.reference} locale={locale} />
        </>
      ) : null}
      <p>
        <Link href={base}>{t('back')}</Link>
      </p>
    </>
  )
}
