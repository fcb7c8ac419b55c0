import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PageStrings } from '@/components/layout/page-strings'
import { OfficeDetailsForm } from '@/components/staff/office-details-form'
import { StaffShell } from '@/components/staff/staff-shell'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDate } from '@/lib/i18n/format-date'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { loadForPage } from '@/lib/server/page-access'
import { listOwnOffices } from '@/lib/server/staff/office-setup'
import { createOfficeAction } from './actions'

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'staffadmin:offices.title')
}

// A directorate admin's offices; each opens its counters and opening hours.
export default async function OfficesPage({ params }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const self = paths.staffOffices(locale)
  const { role, offices } = await loadForPage(locale, 'staff', self, listOwnOffices)
  const t = getT(locale, 'staffadmin')
  const ownsOffices = role === 'directorate_admin'
  return (
    <StaffShell locale={locale} role={role} current="capacity">
      <h1>{t('offices.title')}</h1>
      <p className="lead">{t('offices.lead')}</p>
      {!ownsOffices ? <p className="notice">{t('offices.noDirectorate')}</p> : null}
      {ownsOffices && offices.length === 0 ? <p>{t('offices.empty')}</p> : null}
      <ul className="card-list">
        {offices.map((o) => (
          <li key={o.id}>
            <Link
              href={paths.staffOffice(locale, o.id)}
              aria-label={t('offices.open', { name: o.name })}
            >
              {o.name}
            </Link>
            <p>{o.address}</p>
            <p>{t('offices.appliesFrom', { date: formatDate(o.appliesFrom, locale) })}</p>
          </li>
        ))}
      </ul>
      {ownsOffices ? (
        <>
          <h2>{t('offices.create.title')}</h2>
          <PageStrings locale={locale} namespaces={['common', 'validation', 'staffadmin']}>
            <OfficeDetailsForm
              action={createOfficeAction.bind(null, { locale, returnTo: self })}
              submitLabel={t('offices.create.submit')}
            />
          </PageStrings>
        </>
      ) : null}
    </StaffShell>
  )
}
