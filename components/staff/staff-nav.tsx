import Link from 'next/link'
import type { Locale } from '@/lib/domain/locales'
import type { StaffSection } from '@/lib/domain/staff-navigation'
import { getT } from '@/lib/i18n/create-translator'
import { paths } from '@/lib/paths'

/** The pages every staff member has besides their role's sections. */
export type StaffOwnPage = 'home' | 'sessions'
type Props = { locale: Locale; sections: StaffSection[]; current: StaffSection | StaffOwnPage }

export function StaffNav({ locale, sections, current }: Props) {
  const t = getT(locale, 'staff')
  const items: { key: StaffSection | StaffOwnPage; href: string }[] = [
    { key: 'home', href: paths.staffHome(locale) },
    ...sections.map((s) => ({ key: s, href: `${paths.staffHome(locale)}/${s}` })),
    { key: 'sessions', href: paths.staffSessions(locale) },
  ]
  return (
    <nav className="staff-nav" aria-label={t('navLabel')}>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <Link href={item.href} aria-current={item.key === current ? 'page' : undefined}>
              {t(`nav.${item.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
