export const STAFF_ROLES = [
  'caseworker',
  'supervisor',
  'directorate_admin',
  'national_admin',
  'call_centre_agent',
] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export const STAFF_PERMISSIONS = [
  'cases.view',
  'cases.decide',
  // Entering an application at the counter for a walk-in applicant (issue 13).
  'cases.register',
  'cases.assign',
  'cases.confirm',
  'casework.configure',
  'appointments.view',
  'appointments.check_in',
  'capacity.manage',
  'holidays.manage',
  'staff.manage',
  'tariffs.manage',
  'status.lookup',
  // Reading the per-agent volume of call-centre lookups (counts only, no case).
  'call_centre.supervise',
] as const
export type StaffPermission = (typeof STAFF_PERMISSIONS)[number]

// One table, read by both the navigation and the data-access checks, so the menu never
// offers what the server would refuse.
const ROLE_PERMISSIONS: Record<StaffRole, readonly StaffPermission[]> = {
  caseworker: [
    'cases.view',
    'cases.decide',
    'cases.register',
    'appointments.view',
    'appointments.check_in',
  ],
  supervisor: [
    'cases.view',
    'cases.decide',
    'cases.register',
    'cases.assign',
    'cases.confirm',
    'appointments.view',
    'appointments.check_in',
    'call_centre.supervise',
  ],
  directorate_admin: [
    'cases.view',
    'casework.configure',
    'appointments.view',
    'capacity.manage',
    'staff.manage',
    'call_centre.supervise',
  ],
  national_admin: [
    'cases.view',
    'casework.configure',
    'staff.manage',
    'tariffs.manage',
    'capacity.manage',
    'holidays.manage',
    'call_centre.supervise',
  ],
  // Agents read the masked view and send the applicant's own messages again; nothing else,
  // and never a change of contact details (security.md AU-08).
  call_centre_agent: ['status.lookup'],
}

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value)
}

export function roleHasPermission(role: StaffRole, permission: StaffPermission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission)
}

/** Roles whose work is tied to one directorate; the others work nationally. */
export function roleNeedsDirectorate(role: StaffRole): boolean {
  return role !== 'national_admin' && role !== 'call_centre_agent'
}
