import { describe, expect, it } from 'vitest'
import { STAFF_ROLES } from '../staff-roles'
import {
  assignableRoles,
  directorateFor,
  managesAccount,
  staffChangeRefusal,
  type StaffManager,
} from './staff-accounts'

const IST = 'dir-ist'
const ANK = 'dir-ank'
const national: StaffManager = { userId: 'n', role: 'national_admin', directorateId: null }
const istAdmin: StaffManager = { userId: 'a', role: 'directorate_admin', directorateId: IST }
const istCaseworker = { userId: 'c', role: 'caseworker' as const, directorateId: IST }

describe('staff accounts', () => {
  it('the national admin gives every role; a directorate admin only directorate roles', () => {
    expect(assignableRoles(national)).toEqual([...STAFF_ROLES])
    expect(assignableRoles(istAdmin)).toEqual(['caseworker', 'supervisor', 'directorate_admin'])
    for (const role of ['caseworker', 'supervisor', 'call_centre_agent'] as const)
      expect(assignableRoles({ userId: 'x', role, directorateId: IST })).toEqual([])
  })

  it('a directorate admin manages only their own directorate', () => {
    expect(managesAccount(istAdmin, istCaseworker)).toBe(true)
    expect(managesAccount(istAdmin, { ...istCaseworker, directorateId: ANK })).toBe(false)
    expect(
      managesAccount(istAdmin, { userId: 'n', role: 'national_admin', directorateId: null }),
    ).toBe(false)
    expect(managesAccount(national, { ...istCaseworker, directorateId: ANK })).toBe(true)
    expect(managesAccount({ ...istAdmin, role: 'supervisor' }, istCaseworker)).toBe(false)
  })

  it('puts new staff in the right directorate', () => {
    expect(directorateFor(istAdmin, 'caseworker', ANK)).toEqual({ ok: true, directorateId: IST })
    expect(directorateFor(istAdmin, 'national_admin', null)).toEqual({
      ok: false,
      reason: 'role_not_allowed',
    })
    expect(directorateFor(istAdmin, 'call_centre_agent', null).ok).toBe(false)
    expect(directorateFor(national, 'supervisor', ANK)).toEqual({ ok: true, directorateId: ANK })
    expect(directorateFor(national, 'supervisor', null)).toEqual({
      ok: false,
      reason: 'directorate_required',
    })
    expect(directorateFor(national, 'call_centre_agent', ANK)).toEqual({
      ok: true,
      directorateId: null,
    })
  })

  it('nobody changes their own account; no directorate admin promotes to a national role', () => {
    expect(staffChangeRefusal(istAdmin, { ...istAdmin })).toBe('own_account')
    expect(staffChangeRefusal(national, { ...national }, 'caseworker')).toBe('own_account')
    expect(staffChangeRefusal(istAdmin, istCaseworker, 'national_admin')).toBe('role_not_allowed')
    expect(staffChangeRefusal(istAdmin, istCaseworker, 'supervisor')).toBeNull()
    expect(staffChangeRefusal(istAdmin, istCaseworker)).toBeNull()
    expect(
      staffChangeRefusal(istAdmin, { userId: 'z', role: 'national_admin', directorateId: null }),
    ).toBe('role_not_allowed')
    expect(staffChangeRefusal(national, istCaseworker, 'national_admin')).toBeNull()
  })
})
