import { randomUUID } from 'node:crypto'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { DrawEntrySummary } from '@/components/appointments/draw-entry-summary'
import { OpenDraw } from '@/components/appointments/open-draw'
import { ErrorSummary } from '@/components/form/error-summary'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { DRAW_ERRORS, isCode } from '@/lib/schemas/draws'
import { getMyApplication } from '@/lib/server/applications/my-application'
import { findMyAppointment } from '@/lib/server/appointments/my-appointment'
import { findOpenDraws, myDrawEntry } from '@/lib/server/appointments/release-draws'
import { loadForPage } from '@/lib/server/page-access'
import { enterDrawAction } from './actions'

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<{ error?: string; done?: string }>
}

export async function generateMetadata({ params, searchParams }: Props) {
  const { error } = await searchParams
  return pageMetadata(params, 'draws:title', { error: isCode(DRAW_ERRORS, error) })
}

// Release draws: the applicant names up to five times; a draw weighted by legal urgency decides.
export default async function DrawPage({ params, searchParams }: Props) {
  const { locale, id } = await params
  if (!isLocale(locale)) notFound()
  const appointmentPage = paths.appointment(locale, id)
  const here = `${appointmentPage}/draw`
  const [app, draws, entry, appointment] = await loadForPage(locale, 'applicant', here, () =>
    Promise.all([getMyApplication(id), findOpenDraws(id), myDrawEntry(id), findMyAppointment(id)]),
  )
  const query = await searchParams
  const t = getT(locale, 'draws')
  const error = isCode(DRAW_ERRORS, query.error) ? t(`errors.${query.error}`) : null
  // Once booked (by the draw or otherwise), there is nothing more to enter.
  const open = appointment ? [] : draws
  return (
    <>
      <span className="hint ref">{app.reference}</span>
      <h1>{t('title')}</h1>
      <ErrorSummary
        errors={
          error
            ? [{ fieldId: query.error!.startsWith('choice_') ? 'choice1' : null, message: error }]
            : []
        }
      />
      {query.done === 'entered' && !error ? (
        <p className="notice" role="status">
          {t('done.entered')}
        </p>
      ) : null}
      <p className="lead">{t('lead')}</p>
      {entry ? (
        <DrawEntrySummary locale={locale} entry={entry} appointmentHref={appointmentPage} />
      ) : null}
      {appointment && !entry?.appointment ? <p>{t('alreadyBooked')}</p> : null}
      {!appointment && open.length === 0 ? <p>{t('none')}</p> : null}
      {open.map((draw) => (
        <OpenDraw
          key={draw.windowId}
          locale={locale}
          draw={draw}
          chosen={entry?.windowId === draw.windowId ? entry.preferences.map((p) => p.id) : []}
          idempotencyKey={randomUUID()}
          action={enterDrawAction.bind(null, { locale, id })}
        />
      ))}
      <p className="hint">{t('timeZoneNote')}</p>
      <p>
        <Link href={appointmentPage}>{t('back')}</Link>
      </p>
    </>
  )
}
