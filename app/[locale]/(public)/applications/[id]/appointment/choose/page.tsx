import { randomUUID } from 'node:crypto'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query'
import { SlotDayPicker } from '@/components/appointments/slot-day-picker'
import { isLocale } from '@/lib/domain/locales'
import { addDays } from '@/lib/domain/permits/dates'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { freeSlotsQueryOptions } from '@/lib/queries/free-slots'
import { freeSlotsQuerySchema } from '@/lib/schemas/api/appointments'
import { getMyApplication } from '@/lib/server/applications/my-application'
import { myDirectorateAssignsDates } from '@/lib/server/appointments/assignment'
import { findFreeSlots } from '@/lib/server/appointments/availability'
import { findMyAppointment } from '@/lib/server/appointments/my-appointment'
import { loadForPage } from '@/lib/server/page-access'
import { bookingAction } from '../actions'

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<{ from?: string; change?: string; day?: string }>
}

export async function generateMetadata({ params, searchParams }: Props) {
  const change = (await searchParams).change === '1'
  return pageMetadata(params, `appointments:${change ? 'changeTitle' : 'chooseTitle'}`)
}

export default async function ChooseSlotPage({ params, searchParams }: Props) {
  const { locale, id } = await params
  if (!isLocale(locale)) notFound()
  const query = await searchParams
  const change = query.change === '1'
  const from = freeSlotsQuerySchema.safeParse({ from: query.from }).data?.from
  const day = freeSlotsQuerySchema.safeParse({ from: query.day }).data?.from ?? null
  const here = `${paths.appointment(locale, id)}/choose`
  const [app, current] = await loadForPage(locale, 'applicant', here, () =>
    Promise.all([getMyApplication(id), findMyAppointment(id)]),
  )
  if (change !== (current?.status === 'confirmed')) redirect(paths.appointment(locale, id))
  // İstanbul and Ankara give dates: their applicants state when they can come instead.
  if (await myDirectorateAssignsDates(id)) redirect(`${paths.appointment(locale, id)}/assigned`)
  const days = await findFreeSlots(id, from)
  const t = getT(locale, 'appointments')
  const next = days.at(-1) ? addDays(days.at(-1)!.date, 1) : null
  // The week's days and times, handed to react-query so the day picker starts from them.
  const queryClient = new QueryClient()
  queryClient.setQueryData(freeSlotsQueryOptions(id, from ?? null).queryKey, {
    timeZone: 'Europe/Istanbul',
    days,
  })
  const keep = new URLSearchParams({
    ...(from ? { from } : {}),
    ...(change ? { change: '1' } : {}),
  })
  return (
    <>
      <span className="hint ref">{app.reference}</span>
      <h1>{t(change ? 'changeTitle' : 'chooseTitle')}</h1>
      {app.directorateName ? <p>{t('directorate', { name: app.directorateName })}</p> : null}
      <p className="hint">{t('timeZoneNote')}</p>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <SlotDayPicker
          locale={locale}
          applicationId={id}
          from={from ?? null}
          day={day}
          dayHrefPrefix={`${here}?${keep.size ? `${keep}&` : ''}day=`}
          idempotencyKey={randomUUID()}
          action={bookingAction.bind(null, { locale, id }, change ? 'reschedule' : 'hold')}
        />
      </HydrationBoundary>
      <p className="pager">
        {from ? <Link href={`${here}${change ? '?change=1' : ''}`}>{t('firstDays')}</Link> : null}
        {next && days.length > 0 ? (
          <Link href={`${here}?from=${next}${change ? '&change=1' : ''}`}>{t('laterDays')}</Link>
        ) : null}
      </p>
    </>
  )
}
