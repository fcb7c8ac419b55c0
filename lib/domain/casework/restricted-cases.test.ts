import { describe, expect, it } from 'vitest'
import { STAFF_ROLES } from '../staff-roles'
import { canSeeRestrictedCase } from './restricted-cases'

describe('who sees a restricted case', () => {
  it('national admins always, directorate staff only when named, agents never', () => {
    const seen = (named: boolean) => STAFF_ROLES.filter((r) => canSeeRestrictedCase(r, named))
    expect(seen(false)).toEqual(['national_admin'])
    expect(seen(true)).toEqual(['caseworker', 'supervisor', 'directorate_admin', 'national_admin'])
  })
})
