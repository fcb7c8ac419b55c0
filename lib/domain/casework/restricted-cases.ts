import type { StaffRole } from '../staff-roles'

// Humanitarian and trafficking-victim files (issue 13) are seen only by the staff members named
// on them and by national admins: never by call-centre agents, other caseworkers of the same
// directorate, the public lookup or an export with identifying data. The DAL puts this in
// the WHERE of every statement (lib/server/scope.ts), so anyone else gets "not found".

export type RestrictedCaseReach = 'all' | 'named_only' | 'none'

export function restrictedCaseReach(role: StaffRole): RestrictedCaseReach {
  if (role === 'national_admin') return 'all'
  if (role === 'call_centre_agent') return 'none'
  return 'named_only'
}

export function canSeeRestrictedCase(role: StaffRole, namedOnCase: boolean): boolean {
  const reach = restrictedCaseReach(role)
  return reach === 'all' || (reach === 'named_only' && namedOnCase)
}
