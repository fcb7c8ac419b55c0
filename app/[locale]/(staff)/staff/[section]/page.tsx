import { notFound } from 'next/navigation'
import { StaffShell } from '@/components/staff/staff-shell'
import { isLocale } from '@/lib/domain/locales'
import { isStaffSection, sectionPermission } from '@/lib/domain/staff-navigation'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { requireStaff } from '@/lib/server/actor'
import { loadForPage } from '@/lib/server/page-access'

type Props = { params: Promise<{ locale: string; section: string }> }

export async function generateMetadata({ params }: Props) {
  const { section } = await params
  return isStaffSection(section) ? pageMetadata(params, `staff:nav.${section}`) : {}
}

// Sections of the staff area that later work fills in; the permission check is already real.
export default async function StaffSectionPage({ params }: Props) {
  const { locale, section } = await params
  if (!isLocale(locale) || !isStaffSection(section)) notFound()
  const actor = await loadForPage(locale, 'staff', `${paths.staffHome(locale)}/${section}`, () =>
    requireStaff(sectionPermission(section)),
  )
  const t = getT(locale, 'staff')
  return (
    <StaffShell locale={locale} role={actor.role} current={section}>
      <h1>{t(`nav.${section}`)}</h1>
      <p className="notice">{t('sectionComing')}</p>
    </StaffShell>
  )
}
