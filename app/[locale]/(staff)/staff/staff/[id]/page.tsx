import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PageStrings } from '@/components/layout/page-strings'
import { StaffMemberForms } from '@/components/staff/staff-member-forms'
import { StaffShell } from '@/components/staff/staff-shell'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { loadForPage } from '@/lib/server/page-access'
import { getStaffAccount, getStaffAdminView } from '@/lib/server/staff/staff-accounts'
import { changeStaffRoleAction, setStaffActiveAction } from '../actions'

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}
const DONE = new Set(['role_changed', 'deactivated', 'reactivated'])

export async function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'staffadmin:accounts.title')
}

// One staff member: their role, and switching their account off or on.
export default async function StaffAccountPage({ params, searchParams }: Props) {
  const { locale, id } = await params
  if (!isLocale(locale)) notFound()
  const { done } = await searchParams
  const self = paths.staffAccount(locale, id)
  const [view, member] = await loadForPage(locale, 'staff', self, () =>
    Promise.all([getStaffAdminView(), getStaffAccount(id)]),
  )
  const t = getT(locale, ['staffadmin', 'staff'])
  const ctx = { locale, returnTo: self }
  return (
    <StaffShell locale={locale} role={view.actor.role} current="staff">
      <p>
        <Link href={paths.staffAccounts(locale)}>{t('accounts.member.back')}</Link>
      </p>
      <h1>{t('accounts.member.title', { name: member.displayName })}</h1>
      <p>
        <span dir="ltr">{member.email}</span>
        <br />
        {t(`staff:role.${member.role}`)}
        {member.directorateName ? ` · ${member.directorateName}` : ''} ·{' '}
        <strong>{t(member.active ? 'accounts.active' : 'accounts.inactive')}</strong>
      </p>
      {typeof done === 'string' && DONE.has(done) ? (
        <p className="notice" role="status">
          {t(`accounts.done.${done}`)}
        </p>
      ) : null}
      {member.userId === view.actor.userId ? (
        <p className="notice">{t('accounts.member.own')}</p>
      ) : (
        <PageStrings locale={locale} namespaces={['common', 'validation', 'staff', 'staffadmin']}>
          <StaffMemberForms
            member={member}
            roles={view.roles}
            directorates={view.directorates}
            roleAction={changeStaffRoleAction.bind(null, ctx)}
            activeAction={setStaffActiveAction.bind(null, ctx)}
          />
        </PageStrings>
      )}
    </StaffShell>
  )
}
