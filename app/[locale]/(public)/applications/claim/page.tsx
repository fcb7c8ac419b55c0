import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ApplicationClaimForm } from '@/components/application/application-claim-form'
import { PageStrings } from '@/components/layout/page-strings'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { requireSignedIn } from '@/lib/server/actor'
import { APPLICATION_CLAIM_TRIES_PER_DAY } from '@/lib/server/applications/claim-application'
import { loadForPage } from '@/lib/server/page-access'
import { claimApplicationAction } from './actions'

type Props = { params: Promise<{ locale: string }> }

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'applications:claim.title')
}

/** Adds an application registered for the person at the directorate to their account. */
export default async function ClaimApplicationPage({ params }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const self = paths.applicationClaim(locale)
  await loadForPage(locale, 'applicant', self, requireSignedIn)
  const t = getT(locale, ['applications'])
  return (
    <>
      <h1>{t('claim.title')}</h1>
      <p className="lead">{t('claim.lead')}</p>
      <p>{t('claim.tries', { count: APPLICATION_CLAIM_TRIES_PER_DAY })}</p>
      <PageStrings locale={locale} namespaces={['applications', 'lookup', 'validation', 'common']}>
        <ApplicationClaimForm
          action={claimApplicationAction.bind(null, { locale, returnTo: self })}
        />
      </PageStrings>
      <p>
        <Link href={paths.applications(locale)}>{t('claim.back')}</Link>
      </p>
    </>
  )
}
