import { notFound } from 'next/navigation'
import { SessionList } from '@/components/sessions/session-list'
import { isLocale } from '@/lib/domain/locales'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { loadForPage } from '@/lib/server/page-access'
import { listMySessions } from '@/lib/server/sessions/list-my-sessions'
import { endOtherSessionsAction, endSessionAction } from './actions'

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'sessions:title')
}

/** Where I am signed in, and ending the sessions I do not want (issue 15). */
export default async function MySessionsPage({ params, searchParams }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const self = paths.mySessions(locale)
  const mine = await loadForPage(locale, 'applicant', self, listMySessions)
  const { done } = await searchParams
  const ctx = { locale, returnTo: self, area: 'account' }
  return (
    <SessionList
      locale={locale}
      sessions={mine.sessions}
      holder={mine.holder}
      done={typeof done === 'string' ? done : undefined}
      endAction={endSessionAction.bind(null, ctx)}
      endOthersAction={endOtherSessionsAction.bind(null, ctx)}
    />
  )
}
