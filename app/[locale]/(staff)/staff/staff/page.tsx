import { notFound } from 'next/navigation'
import { PageStrings } from '@/components/layout/page-strings'
import { StaffAccountForm } from '@/components/staff/staff-account-form'
import { StaffAccountList } from '@/components/staff/staff-account-list'
import { StaffShell } from '@/components/staff/staff-shell'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { loadForPage } from '@/lib/server/page-access'
import { getStaffAdminView, listStaffAccounts } from '@/lib/server/staff/staff-accounts'
import { createStaffMemberAction } from './actions'

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export async function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'staffadmin:accounts.title')
}

// Directorate admins keep their directorate's staff; the national admin everyone's.
export default async function StaffAccountsPage({ params, searchParams }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const { done } = await searchParams
  const self = paths.staffAccounts(locale)
  const [view, rows] = await loadForPage(locale, 'staff', self, () =>
    Promise.all([getStaffAdminView(), listStaffAccounts()]),
  )
  const t = getT(locale, 'staffadmin')
  return (
    <StaffShell locale={locale} role={view.actor.role} current="staff">
      <h1>{t('accounts.title')}</h1>
      <p className="lead">{t('accounts.lead')}</p>
      {done === 'created' ? (
        <p className="notice" role="status">
          {t('accounts.done.created')}
        </p>
      ) : null}
      <h2>{t('accounts.listTitle')}</h2>
      <StaffAccountList locale={locale} rows={rows} />
      <h2>{t('accounts.create.title')}</h2>
      <PageStrings locale={locale} namespaces={['common', 'validation', 'staff', 'staffadmin']}>
        <StaffAccountForm
          action={createStaffMemberAction.bind(null, { locale, returnTo: self })}
          roles={view.roles}
          directorates={view.directorates}
        />
      </PageStrings>
    </StaffShell>
  )
}
