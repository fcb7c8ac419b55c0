import { notFound } from 'next/navigation'
import { LookupForm } from '@/components/status/lookup-form'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { lookUpStatusAction } from './actions'
import { PageStrings } from '@/components/layout/page-strings'

// The public status lookup: no sign-in and no session read, only the coarse status.
export function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  return pageMetadata(params, 'lookup:title', { description: 'lookup:lead' })
}

export default async function TrackPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const t = getT(locale, 'lookup')
  const ctx = { locale, returnTo: paths.track(locale) }
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <p>{t('privacy')}</p>
      <PageStrings locale={locale} namespaces={['lookup', 'common', 'validation']}>
        <LookupForm locale={locale} action={lookUpStatusAction.bind(null, ctx)} />
      </PageStrings>
    </>
  )
}
