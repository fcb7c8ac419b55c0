import { notFound } from 'next/navigation'
import { AppointmentDay } from '@/components/staff/appointment-day'
import { DayNotices, dayMessages } from '@/components/staff/day-notices'
import { DayPicker } from '@/components/staff/day-picker'
import { StaffShell } from '@/components/staff/staff-shell'
import { groupByOfficeAndCounter } from '@/lib/domain/appointments/day-view'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDateWithWeekday } from '@/lib/i18n/format-date'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { isDayViewError, readDayViewQuery } from '@/lib/schemas/staff/appointments'
import { todayInIstanbul } from '@/lib/server/clock'
import { loadForPage } from '@/lib/server/page-access'
import { findDayAppointments } from '@/lib/server/staff/appointment-day'
import { checkInAction, noShowAction } from './actions'

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export async function generateMetadata({ params, searchParams }: Props) {
  const query = await searchParams
  const error = isDayViewError(query.error) || readDayViewQuery(query).dateInvalid
  return pageMetadata(params, 'staff:appointments.title', { error })
}

// The staff day view (?date=YYYY-MM-DD&office=…): who is expected where, check-in, no-show.
export default async function StaffAppointmentsPage({ params, searchParams }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const query = await searchParams
  const choice = readDayViewQuery(query)
  // A malformed office is answered like another directorate's: it does not exist.
  if (choice.officeInvalid) notFound()
  const date = choice.date ?? todayInIstanbul()
  const self = paths.staffAppointments(locale)
  const day = await loadForPage(locale, 'staff', self, () =>
    findDayAppointments({ date, officeId: choice.office }),
  )
  const t = getT(locale, 'staff')
  const isToday = day.date === day.today
  const messages = dayMessages(
    locale,
    { ...query, dateInvalid: choice.dateInvalid },
    day.appointments,
    (a) => day.viewer.canCheckIn && isToday && a.status === 'confirmed',
  )
  const context = { locale, date: day.date, ...(day.officeId ? { office: day.officeId } : {}) }
  const error = messages.error
  return (
    <StaffShell locale={locale} role={day.viewer.role} current="appointments">
      <h1>{t('appointments.title')}</h1>
      <p className="lead">
        {t('appointments.lead', { day: formatDateWithWeekday(day.date, locale) })}
      </p>
      <DayNotices messages={messages} />
      <DayPicker
        locale={locale}
        action={self}
        date={day.date}
        today={day.today}
        officeId={day.officeId}
        offices={day.allOffices}
      />
      {day.viewer.canCheckIn ? null : <p className="notice">{t('appointments.readOnly')}</p>}
      <AppointmentDay
        locale={locale}
        offices={groupByOfficeAndCounter(day.offices, day.appointments)}
        canCheckIn={day.viewer.canCheckIn}
        isToday={isToday}
        fieldError={
          error?.atField ? { appointmentId: error.appointment!.id, message: error.message } : null
        }
        checkInAction={checkInAction.bind(null, context)}
        noShowAction={noShowAction.bind(null, context)}
      />
    </StaffShell>
  )
}
