import { roleNeedsDirectorate, STAFF_ROLES, type StaffRole } from '../staff-roles'

// Who may manage whose staff account (issue 13). One table for the form and the server: a
// directorate admin manages the roles of their own directorate, the national admin every role.

export type StaffManager = { userId: string; role: StaffRole; directorateId: string | null }
export type StaffAccount = { userId: string; role: StaffRole; directorateId: string | null }

export type StaffChangeRefusal = 'role_not_allowed' | 'own_account' | 'directorate_required'

/** The roles a manager may give: a directorate admin never a national role. */
export function assignableRoles(manager: StaffManager): StaffRole[] {
  if (manager.role === 'national_admin') return [...STAFF_ROLES]
  if (manager.role === 'directorate_admin' && manager.directorateId)
    return STAFF_ROLES.filter(roleNeedsDirectorate)
  return []
}

/** Whether the account is the manager's to see and change (else it is answered as missing). */
export function managesAccount(manager: StaffManager, account: StaffAccount): boolean {
  if (manager.role === 'national_admin') return true
  if (manager.role !== 'directorate_admin' || !manager.directorateId) return false
  return account.directorateId === manager.directorateId
}

/**
 * The directorate a member with `role` belongs to: a directorate admin's staff always to
 * theirs, the national admin's to the one chosen; national roles to none.
 */
export function directorateFor(
  manager: StaffManager,
  role: StaffRole,
  chosen: string | null,
): { ok: true; directorateId: string | null } | { ok: false; reason: StaffChangeRefusal } {
  if (!assignableRoles(manager).includes(role)) return { ok: false, reason: 'role_not_allowed' }
  if (!roleNeedsDirectorate(role)) return { ok: true, directorateId: null }
  const directorateId = manager.role === 'national_admin' ? chosen : manager.directorateId
  return directorateId ? { ok: true, directorateId } : { ok: false, reason: 'directorate_required' }
}

/**
 * Why a manager may not change this account's role or active flag, or null. Nobody changes
 * their own account, so no admin can lock themselves out; the last national admin is kept by
 * the server, which counts them under lock.
 */
export function staffChangeRefusal(
  manager: StaffManager,
  account: StaffAccount,
  newRole?: StaffRole,
): StaffChangeRefusal | null {
  if (account.userId === manager.userId) return 'own_account'
  // Taking a national role away is as much a national decision as giving it.
  if (!assignableRoles(manager).includes(account.role)) return 'role_not_allowed'
  if (newRole && !assignableRoles(manager).includes(newRole)) return 'role_not_allowed'
  return null
}
