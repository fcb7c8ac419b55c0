import { describe, expect, it } from 'vitest'
import { sectionsForRole } from './staff-navigation'
import {
  roleHasPermission,
  roleNeedsDirectorate,
  STAFF_PERMISSIONS,
  STAFF_ROLES,
} from './staff-roles'

describe('staff roles', () => {
  it('lets the call centre look up status and nothing else', () => {
    expect(sectionsForRole('call_centre_agent')).toEqual(['lookup'])
    expect(roleHasPermission('call_centre_agent', 'cases.view')).toBe(false)
  })

  it('lets caseworkers and supervisors decide, and no admin role', () => {
    const deciders = STAFF_ROLES.filter((r) => roleHasPermission(r, 'cases.decide'))
    expect(deciders).toEqual(['caseworker', 'supervisor'])
  })

  it('lets caseworkers and supervisors, and nobody else, register a walk-in applicant', () => {
    expect(STAFF_ROLES.filter((r) => roleHasPermission(r, 'cases.register'))).toEqual([
      'caseworker',
      'supervisor',
    ])
    expect(sectionsForRole('caseworker')).toContain('walk-in')
    expect(sectionsForRole('directorate_admin')).not.toContain('walk-in')
  })

  it('lets supervisors and admins, not agents, watch the call centre', () => {
    expect(STAFF_ROLES.filter((r) => roleHasPermission(r, 'call_centre.supervise'))).toEqual([
      'supervisor',
      'directorate_admin',
      'national_admin',
    ])
    expect(sectionsForRole('supervisor')).toContain('call-centre')
    expect(sectionsForRole('caseworker')).not.toContain('call-centre')
  })

  it('gives the call centre no permission that changes anything of a person (AU-08)', () => {
    const agent = STAFF_PERMISSIONS.filter((p) => roleHasPermission('call_centre_agent', p))
    expect(agent).toEqual(['status.lookup'])
  })

  it('ties directorate roles to a directorate', () => {
    expect(STAFF_ROLES.filter(roleNeedsDirectorate)).toEqual([
      'caseworker',
      'supervisor',
      'directorate_admin',
    ])
  })

  it('shows every role at least one section', () => {
    for (const role of STAFF_ROLES) expect(sectionsForRole(role).length).toBeGreaterThan(0)
  })
})
