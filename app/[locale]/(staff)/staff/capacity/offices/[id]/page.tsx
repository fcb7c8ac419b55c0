import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PageStrings } from '@/components/layout/page-strings'
import { OfficeCounters } from '@/components/staff/office-counters'
import { OfficeDetailsForm } from '@/components/staff/office-details-form'
import { OfficeWeek } from '@/components/staff/office-week'
import { OpeningHoursForm } from '@/components/staff/opening-hours-form'
import { StaffShell } from '@/components/staff/staff-shell'
import { isLocale } from '@/lib/domain/locales'
import { isIsoDate } from '@/lib/domain/permits/dates'
import { getT } from '@/lib/i18n/create-translator'
import { formatDate } from '@/lib/i18n/format-date'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { loadForPage } from '@/lib/server/page-access'
import { getOfficeSetup } from '@/lib/server/staff/office-setup'
import * as actions from '../actions'

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}
const DONE = new Set([
  'created',
  'changed',
  'counter_added',
  'counter_closed',
  'counter_opened',
  'hours_changed',
])

export async function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'staffadmin:offices.title')
}

// One office: name and slot length, counters, weekly hours. Each change says from which day.
export default async function OfficePage({ params, searchParams }: Props) {
  const { locale, id } = await params
  if (!isLocale(locale)) notFound()
  const { done, from } = await searchParams
  const self = paths.staffOffice(locale, id)
  const { role, office } = await loadForPage(locale, 'staff', self, () => getOfficeSetup(id))
  const t = getT(locale, 'staffadmin')
  const ctx = { locale, returnTo: self }
  const date = formatDate(
    typeof from === 'string' && isIsoDate(from) ? from : office.appliesFrom,
    locale,
  )
  return (
    <StaffShell locale={locale} role={role} current="capacity">
      <p>
        <Link href={paths.staffOffices(locale)}>{t('offices.back')}</Link>
      </p>
      <h1>{office.name}</h1>
      {typeof done === 'string' && DONE.has(done) ? (
        <p className="notice" role="status">
          {t(`offices.done.${done}`, { date })}
        </p>
      ) : null}
      <p className="lead">{t('offices.lead')}</p>
      <p>
        <strong>
          {t('offices.appliesFrom', { date: formatDate(office.appliesFrom, locale) })}
        </strong>
      </p>
      <PageStrings locale={locale} namespaces={['common', 'validation', 'staffadmin']}>
        <h2>{t('offices.hours.title')}</h2>
        <OfficeWeek locale={locale} hours={office.hours} />
        <h3>{t('offices.hours.set')}</h3>
        <OpeningHoursForm
          action={actions.setOpeningHoursAction.bind(null, ctx)}
          officeId={office.id}
        />
        <h2>{t('offices.counters.title')}</h2>
        <p className="hint">{t('offices.counters.hint')}</p>
        <OfficeCounters
          officeId={office.id}
          counters={office.counters}
          addAction={actions.addCounterAction.bind(null, ctx)}
          activeAction={actions.setCounterActiveAction.bind(null, ctx)}
        />
        <h2>{t('offices.details.title')}</h2>
        <OfficeDetailsForm
          action={actions.changeOfficeAction.bind(null, ctx)}
          office={office}
          submitLabel={t('offices.details.submit')}
        />
      </PageStrings>
    </StaffShell>
  )
}
