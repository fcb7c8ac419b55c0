import { notFound } from 'next/navigation'
import { CallerLookupForm } from '@/components/call-centre/caller-lookup-form'
import { StaffShell } from '@/components/staff/staff-shell'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { requireStaff } from '@/lib/server/actor'
import { loadForPage } from '@/lib/server/page-access'
import { changeLinkAction, lookUpCallerAction, resendAction } from './actions'
import { PageStrings } from '@/components/layout/page-strings'

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'callcentre:title')
}

// The call-centre console: verify the caller, then read out the masked view in their language
// (?speak=ru preselects it).
export default async function CallCentreLookupPage({ params, searchParams }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const { speak } = await searchParams
  const returnTo = `${paths.staffHome(locale)}/lookup`
  const actor = await loadForPage(locale, 'staff', returnTo, () => requireStaff('status.lookup'))
  const t = getT(locale, 'callcentre')
  const context = { locale, returnTo }
  return (
    <StaffShell locale={locale} role={actor.role} current="lookup">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <p>{t('privacy')}</p>
      <PageStrings locale={locale} namespaces={['callcentre', 'common', 'validation']}>
        <CallerLookupForm
          locale={locale}
          speak={isLocale(speak) ? speak : locale}
          action={lookUpCallerAction.bind(null, context)}
          resend={resendAction.bind(null, context)}
          changeLink={changeLinkAction.bind(null, context)}
        />
      </PageStrings>
    </StaffShell>
  )
}
