import { notFound } from 'next/navigation'
import { EligibilityForm } from '@/components/apply/eligibility-form'
import { APPLICATION_KINDS, type ApplicationKind } from '@/lib/domain/application-status'
import { FAMILY_EXIT_GROUNDS } from '@/lib/domain/permits/type-changes'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDate } from '@/lib/i18n/format-date'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { listMyPermits } from '@/lib/server/permits/list-my-permits'
import { loadForPage } from '@/lib/server/page-access'
import { checkEligibilityAction } from './actions'

type Props = {
  params: Promise<{ locale: string; kind: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}
const isKind = (k: string): k is ApplicationKind =>
  (APPLICATION_KINDS as readonly string[]).includes(k)

export async function generateMetadata({ params }: Props) {
  const { kind } = await params
  return isKind(kind) ? pageMetadata(params, `application:eligibility.title.${kind}`) : {}
}

export default async function EligibilityPage({ params, searchParams }: Props) {
  const { locale, kind } = await params
  if (!isLocale(locale) || !isKind(kind)) notFound()
  const permits = await loadForPage(locale, 'applicant', paths.apply(locale, kind), listMyPermits)
  const t = getT(locale, ['application', 'common'])
  const permitOptions = permits.map((p) => ({
    value: p.id,
    label: t('eligibility.permitOption', {
      type: t(`common:permitType.${p.permitTypeCode}`),
      date: formatDate(p.validUntil, locale),
    }),
  }))
  // "Extend" and "change type" on My permits come with the permit chosen.
  const chosen = (await searchParams).permit
  const chosenPermitId = permits.find((p) => p.id === chosen)?.id
  const typeOptions = ['short_term', 'family', 'student', 'long_term'].map((c) => ({
    value: c,
    label: t(`common:permitType.${c}`),
  }))
  const familyExitOptions = FAMILY_EXIT_GROUNDS.map((g) => ({
    value: g,
    label: t(`eligibility.familyExitGrounds.${g}`),
  }))
  return (
    <>
      <h1>{t(`eligibility.title.${kind}`)}</h1>
      <p>{t(`eligibility.lead.${kind}`)}</p>
      {kind !== 'first' && permitOptions.length === 0 ? (
        <p className="notice">{t('eligibility.noPermit')}</p>
      ) : (
        <EligibilityForm
          kind={kind}
          permitOptions={permitOptions}
          chosenPermitId={chosenPermitId}
          typeOptions={typeOptions}
          familyExitOptions={familyExitOptions}
          action={checkEligibilityAction.bind(null, {
            locale,
            kind,
            returnTo: paths.apply(locale, kind),
          })}
        />
      )}
    </>
  )
}
