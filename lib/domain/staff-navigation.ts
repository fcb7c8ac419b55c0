import { roleHasPermission, type StaffPermission, type StaffRole } from './staff-roles'

export const STAFF_SECTIONS = [
  'cases',
  'walk-in',
  'appointments',
  'capacity',
  'staff',
  'tariffs',
  'lookup',
  'call-centre',
] as const
export type StaffSection = (typeof STAFF_SECTIONS)[number]

const SECTION_PERMISSION: Record<StaffSection, StaffPermission> = {
  cases: 'cases.view',
  'walk-in': 'cases.register',
  appointments: 'appointments.view',
  capacity: 'capacity.manage',
  staff: 'staff.manage',
  tariffs: 'tariffs.manage',
  lookup: 'status.lookup',
  'call-centre': 'call_centre.supervise',
}

export function isStaffSection(value: string): value is StaffSection {
  return (STAFF_SECTIONS as readonly string[]).includes(value)
}

export function sectionPermission(section: StaffSection): StaffPermission {
  return SECTION_PERMISSION[section]
}

/** The menu a role sees: only sections its permissions open. */
export function sectionsForRole(role: StaffRole): StaffSection[] {
  return STAFF_SECTIONS.filter((s) => roleHasPermission(role, SECTION_PERMISSION[s]))
}
