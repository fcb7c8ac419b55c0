import Link from 'next/link'
import { notFound } from 'next/navigation'
import { StatusTag } from '@/components/ui/status-tag'
import { whoActsNext } from '@/lib/domain/application-status'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDate } from '@/lib/i18n/format-date'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { listMyApplications } from '@/lib/server/applications/my-applications'
import { loadForPage } from '@/lib/server/page-access'

export function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  return pageMetadata(params, 'applications:title')
}

export default async function MyApplicationsPage({
  params,
}: {
  params: Promise<{ locale: string }>
}) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const rows = await loadForPage(
    locale,
    'applicant',
    paths.applications(locale),
    listMyApplications,
  )
  const t = getT(locale, ['applications', 'common', 'permits'])
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      {rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <table className="table table--stack">
          <caption>{t('table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.reference')}</th>
              <th scope="col">{t('table.kind')}</th>
              <th scope="col">{t('table.permit')}</th>
              <th scope="col">{t('table.status')}</th>
              <th scope="col">{t('table.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td data-label={t('table.reference')}>
                  <Link href={paths.application(locale, r.id)}>
                    <span className="ref">{r.reference}</span>
                  </Link>
                </td>
                <td data-label={t('table.kind')}>{t(`common:kind.${r.kind}`)}</td>
                <td data-label={t('table.permit')}>{t(`common:permitType.${r.permitTypeCode}`)}</td>
                <td data-label={t('table.status')}>
                  <StatusTag status={r.status} label={t(`common:status.${r.status}`)} />
                  <span className="hint">{t(`nextStep.${whoActsNext(r.status)}`)}</span>
                </td>
                <td data-label={t('table.updated')}>
                  {formatDate(new Date(r.updatedAt).toISOString(), locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <Link href={paths.start(locale, 'first')}>{t('startNew')}</Link>
      </p>
      <p>
        <Link href={paths.applicationClaim(locale)}>{t('claim.link')}</Link>
      </p>
      <p>
        <Link href={paths.permits(locale)}>{t('permits:title')}</Link>
      </p>
    </>
  )
}
