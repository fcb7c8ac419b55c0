import Link from 'next/link'
import { notFound } from 'next/navigation'
import { CapacityForms } from '@/components/staff/capacity-forms'
import { ErrorSummary } from '@/components/form/error-summary'
import { StaffShell } from '@/components/staff/staff-shell'
import { isLocale } from '@/lib/domain/locales'
import { roleHasPermission } from '@/lib/domain/staff-roles'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { todayInIstanbul } from '@/lib/server/clock'
import { loadForPage } from '@/lib/server/page-access'
import { listCapacityOffices } from '@/lib/server/staff/capacity'
import { closeDayAction, dayCapacityAction } from './actions'

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const ERRORS = new Set([
  'date_invalid',
  'office_required',
  'counter_invalid',
  'reason_required',
  'reason_too_long',
  'places_invalid',
  'date_in_past',
  'counter_not_in_office',
  'already_closed',
  'busy',
  'invalid',
])
const DONE = new Set(['day_closed', 'counter_closed', 'capacity_changed'])

export async function generateMetadata({ params, searchParams }: Props) {
  const { error } = await searchParams
  return pageMetadata(params, 'staff:capacity.title', {
    error: typeof error === 'string' && ERRORS.has(error),
  })
}

// Directorate admins: close a day or a counter, or change the places per slot for a day.
export default async function StaffCapacityPage({ params, searchParams }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const query = await searchParams
  const { role, offices } = await loadForPage(locale, 'staff', paths.staffCapacity(locale), () =>
    listCapacityOffices(),
  )
  const t = getT(locale, 'staff')
  const error = typeof query.error === 'string' && ERRORS.has(query.error) ? query.error : null
  const done = typeof query.done === 'string' && DONE.has(query.done) ? query.done : null
  const displaced = Number(query.displaced) || 0
  return (
    <StaffShell locale={locale} role={role} current="capacity">
      <h1>{t('capacity.title')}</h1>
      <p className="lead">{t('capacity.lead')}</p>
      <p>
        <Link href={`${paths.staffCapacity(locale)}/draws`}>
          {getT(locale, 'draws')('staff.link')}
        </Link>
      </p>
      <p>
        <Link href={paths.staffOffices(locale)}>{getT(locale, 'staffadmin')('offices.link')}</Link>
      </p>
      <ErrorSummary
        errors={error ? [{ fieldId: null, message: t(`capacity.errors.${error}`) }] : []}
      />
      {done ? (
        <p className="notice" role="status">
          {t(`capacity.done.${done}`)} {t('capacity.displaced', { count: displaced })}
        </p>
      ) : null}
      {roleHasPermission(role, 'holidays.manage') ? (
        <p>
          <Link href={`${paths.staffCapacity(locale)}/holidays`}>{t('holidays.link')}</Link>
        </p>
      ) : null}
      {offices.length === 0 ? (
        <p className="notice">{t('capacity.noDirectorate')}</p>
      ) : (
        <CapacityForms
          locale={locale}
          offices={offices}
          today={todayInIstanbul()}
          closeDayAction={closeDayAction.bind(null, locale)}
          dayCapacityAction={dayCapacityAction.bind(null, locale)}
        />
      )}
    </StaffShell>
  )
}
