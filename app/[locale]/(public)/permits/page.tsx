import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PermitTable } from '@/components/permits/permit-table'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { loadForPage } from '@/lib/server/page-access'
import { listMyPermits } from '@/lib/server/permits/list-my-permits'

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'permits:title')
}

/** The permits the signed-in person holds, and the way to add one issued before the account. */
export default async function MyPermitsPage({ params, searchParams }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const permits = await loadForPage(locale, 'applicant', paths.permits(locale), listMyPermits)
  const claimed = (await searchParams).claimed === '1'
  const t = getT(locale, ['permits', 'applications'])
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      {claimed ? (
        <p className="notice notice--success" role="status">
          {t('claimed')}
        </p>
      ) : null}
      {permits.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <PermitTable locale={locale} permits={permits} />
      )}
      <section aria-labelledby="missing-permit">
        <h2 id="missing-permit">{t('missing.title')}</h2>
        <p>{t('missing.text')}</p>
        <p>
          <Link href={paths.permitClaim(locale)}>{t('missing.link')}</Link>
        </p>
      </section>
      <p>
        <Link href={paths.applications(locale)}>{t('applications:title')}</Link>
      </p>
    </>
  )
}
