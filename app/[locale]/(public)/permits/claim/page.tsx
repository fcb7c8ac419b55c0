import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ClaimForm } from '@/components/permits/claim-form'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { requireSignedIn } from '@/lib/server/actor'
import { loadForPage } from '@/lib/server/page-access'
import { CLAIM_TRIES_PER_DAY } from '@/lib/server/permits/claim-permit'
import { claimPermitAction } from './actions'
import { PageStrings } from '@/components/layout/page-strings'

type Props = { params: Promise<{ locale: string }> }

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'permits:claim.title')
}

/** Adds a permit issued before the account existed, with the three details on the card. */
export default async function ClaimPermitPage({ params }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const self = paths.permitClaim(locale)
  await loadForPage(locale, 'applicant', self, requireSignedIn)
  const t = getT(locale, ['permits'])
  return (
    <>
      <h1>{t('claim.title')}</h1>
      <p className="lead">{t('claim.lead')}</p>
      <p>{t('claim.tries', { count: CLAIM_TRIES_PER_DAY })}</p>
      <PageStrings locale={locale} namespaces={['permits', 'validation', 'common']}>
        <ClaimForm action={claimPermitAction.bind(null, { locale, returnTo: self })} />
      </PageStrings>
      <p>
        <Link href={paths.permits(locale)}>{t('claim.back')}</Link>
      </p>
    </>
  )
}
