import { notFound } from 'next/navigation'
import { SessionList } from '@/components/sessions/session-list'
import { StaffShell } from '@/components/staff/staff-shell'
import { isLocale } from '@/lib/domain/locales'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { requireStaff } from '@/lib/server/actor'
import { loadForPage } from '@/lib/server/page-access'
import { listMySessions } from '@/lib/server/sessions/list-my-sessions'
import {
  endOtherSessionsAction,
  endSessionAction,
} from '@/app/[locale]/(public)/account/sessions/actions'

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'sessions:title')
}

/** A staff member's own sessions, in the staff area (issue 15). */
export default async function StaffSessionsPage({ params, searchParams }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const self = paths.staffSessions(locale)
  const [actor, mine] = await loadForPage(locale, 'staff', self, async () => {
    const staff = await requireStaff()
    return [staff, await listMySessions()] as const
  })
  const { done } = await searchParams
  const ctx = { locale, returnTo: self, area: 'staff' }
  return (
    <StaffShell locale={locale} role={actor.role} current="sessions">
      <SessionList
        locale={locale}
        sessions={mine.sessions}
        holder={mine.holder}
        done={typeof done === 'string' ? done : undefined}
        endAction={endSessionAction.bind(null, ctx)}
        endOthersAction={endOtherSessionsAction.bind(null, ctx)}
      />
    </StaffShell>
  )
}
