import type { ReactNode } from 'react'
import type { Locale } from '@/lib/domain/locales'
import { sectionsForRole, type StaffSection } from '@/lib/domain/staff-navigation'
import type { StaffRole } from '@/lib/domain/staff-roles'
import { StaffNav, type StaffOwnPage } from './staff-nav'

type Props = {
  locale: Locale
  role: StaffRole
  current: StaffSection | StaffOwnPage
  children: ReactNode
}

export function StaffShell({ locale, role, current, children }: Props) {
  return (
    <div className="staff-layout">
      <StaffNav locale={locale} sections={sectionsForRole(role)} current={current} />
      <div>{children}</div>
    </div>
  )
}
