import { notFound } from 'next/navigation'
import { ErrorSummary } from '@/components/form/error-summary'
import { HolidayTable } from '@/components/staff/holiday-table'
import { StaffShell } from '@/components/staff/staff-shell'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { holidayYearSchema } from '@/lib/schemas/staff/holidays'
import { requireStaff } from '@/lib/server/actor'
import { loadForPage } from '@/lib/server/page-access'
import { listHolidays } from '@/lib/server/staff/holidays'
import { addHolidayAction, removeHolidayAction } from './actions'

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}
const ERRORS = new Set([
  'date_invalid',
  'name_required',
  'name_too_long',
  'date_not_ahead',
  'not_a_holiday',
  'busy',
  'invalid',
])
const DONE = new Set(['added', 'removed'])

export async function generateMetadata({ params, searchParams }: Props) {
  const query = await searchParams
  return pageMetadata(params, 'staff:holidays.title', {
    values: { year: holidayYearSchema.parse(query.year) },
    error: typeof query.error === 'string' && ERRORS.has(query.error),
  })
}

// The national admin keeps the public holidays of each year right.
export default async function HolidaysPage({ params, searchParams }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const query = await searchParams
  const year = holidayYearSchema.parse(query.year)
  const self = `${paths.staffCapacity(locale)}/holidays`
  const [actor, holidays] = await loadForPage(locale, 'staff', self, () =>
    Promise.all([requireStaff('holidays.manage'), listHolidays(year)]),
  )
  const t = getT(locale, 'staff')
  const error = typeof query.error === 'string' && ERRORS.has(query.error) ? query.error : null
  const done = typeof query.done === 'string' && DONE.has(query.done) ? query.done : null
  return (
    <StaffShell locale={locale} role={actor.role} current="capacity">
      <h1>{t('holidays.title', { year })}</h1>
      <p className="lead">{t('holidays.lead')}</p>
      <ErrorSummary
        errors={error ? [{ fieldId: null, message: t(`holidays.errors.${error}`) }] : []}
      />
      {done ? (
        <p className="notice" role="status">
          {t(`holidays.done.${done}`)}{' '}
          {t('capacity.displaced', { count: Number(query.displaced) || 0 })}
        </p>
      ) : null}
      <HolidayTable
        locale={locale}
        year={year}
        holidays={holidays}
        self={self}
        addAction={addHolidayAction.bind(null, locale)}
        removeAction={removeHolidayAction.bind(null, locale)}
      />
    </StaffShell>
  )
}
