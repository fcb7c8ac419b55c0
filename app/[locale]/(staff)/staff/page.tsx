import { notFound } from 'next/navigation'
import { StaffShell } from '@/components/staff/staff-shell'
import { isLocale } from '@/lib/domain/locales'
import { roleHasPermission } from '@/lib/domain/staff-roles'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { getMyStaffProfile } from '@/lib/server/actor'
import { loadForPage } from '@/lib/server/page-access'
import { countOpenCasesByStatus } from '@/lib/server/staff-overview'

export function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  return pageMetadata(params, 'staff:title')
}

export default async function StaffHomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const profile = await loadForPage(locale, 'staff', paths.staffHome(locale), getMyStaffProfile)
  const counts = roleHasPermission(profile.role, 'cases.view')
    ? await countOpenCasesByStatus()
    : null
  const t = getT(locale, ['staff', 'common'])
  return (
    <StaffShell locale={locale} role={profile.role} current="home">
      <h1>{t('title')}</h1>
      <p className="lead">{t('welcome', { name: profile.displayName })}</p>
      <p>{t('roleLine', { role: t(`role.${profile.role}`) })}</p>
      <p>
        {profile.directorateName
          ? t('directorateLine', { directorate: profile.directorateName })
          : t('nationalLine')}
      </p>
      {counts ? (
        <>
          <h2>{t('queueSummary')}</h2>
          {counts.length === 0 ? (
            <p>{t('queueEmpty')}</p>
          ) : (
            <ul>
              {counts.map((c) => (
                <li key={c.status}>
                  {t(`common:status.${c.status}`)}: <strong>{c.count}</strong>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </StaffShell>
  )
}
