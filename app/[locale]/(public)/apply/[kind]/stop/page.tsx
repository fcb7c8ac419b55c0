import Link from 'next/link'
import { notFound } from 'next/navigation'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDate } from '@/lib/i18n/format-date'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'

type Props = {
  params: Promise<{ locale: string; kind: string }>
  searchParams: Promise<{ reason?: string; date?: string }>
}

const KNOWN_REASONS = [
  'legal_stay_ended',
  'extension_too_early',
  'permit_expired',
  'transition_deadline_passed',
  'no_ground_given',
] as const

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'application:stop.title')
}

/** The "you cannot apply" page: what the rule says, and what to do instead. */
export default async function StopPage({ params, searchParams }: Props) {
  const { locale } = await params
  const { reason, date } = await searchParams
  if (!isLocale(locale) || !KNOWN_REASONS.includes(reason as (typeof KNOWN_REASONS)[number]))
    notFound()
  const t = getT(locale, ['application', 'common'])
  const when = date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDate(date, locale) : ''
  return (
    <>
      <h1>{t('stop.title')}</h1>
      <p className="lead">{t(`stop.reasons.${reason}`, { date: when })}</p>
      <p>{t('stop.help')}</p>
      <p>
        <Link href={paths.applications(locale)}>{t('stop.back')}</Link>
      </p>
    </>
  )
}
