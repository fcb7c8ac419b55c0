import { describe, expect, it } from 'vitest'
import { PERMIT_TYPE_CODES } from './permit-types'
import {
  checkStaffOpenedGrant,
  firstRequestMaxMonths,
  isStaffOpenedPermitType,
} from './staff-opened'

describe('staff-opened permits (domain.md §3)', () => {
  it('are exactly the humanitarian and trafficking-victim permits', () => {
    expect(PERMIT_TYPE_CODES.filter(isStaffOpenedPermitType)).toEqual([
      'humanitarian',
      'trafficking_victim',
    ])
  })

  it('give a humanitarian permit up to one year per grant', () => {
    const grant = (until: string) =>
      checkStaffOpenedGrant({ permitType: 'humanitarian', previous: [], from: '2026-03-01', until })
    expect(grant('2027-02-28')).toEqual({ ok: true })
    expect(grant('2027-03-01')).toEqual({
      ok: false,
      reason: 'humanitarian_too_long',
      latestEnd: '2027-02-28',
    })
    expect(grant('2026-02-28')).toEqual({ ok: false, reason: 'end_before_start' })
  })

  it('give a trafficking victim 30 days first, six months a renewal, three years in all', () => {
    const check = (previous: { from: string; until: string }[], from: string, until: string) =>
      checkStaffOpenedGrant({ permitType: 'trafficking_victim', previous, from, until })
    expect(check([], '2026-01-01', '2026-01-30')).toEqual({ ok: true })
    expect(check([], '2026-01-01', '2026-01-31')).toMatchObject({
      reason: 'first_grant_too_long',
    })
    const first = [{ from: '2026-01-01', until: '2026-01-30' }]
    expect(check(first, '2026-01-31', '2026-07-30')).toEqual({ ok: true })
    expect(check(first, '2026-01-31', '2026-07-31')).toMatchObject({ reason: 'renewal_too_long' })
    const many = [
      { from: '2026-01-01', until: '2026-01-30' },
      { from: '2026-01-31', until: '2028-07-30' },
    ]
    expect(check(many, '2028-07-31', '2028-12-31')).toEqual({ ok: true })
    expect(check(many, '2028-07-31', '2029-01-01')).toEqual({
      ok: false,
      reason: 'total_too_long',
      latestEnd: '2028-12-31',
    })
  })

  it('refuse the self-service types', () => {
    expect(
      checkStaffOpenedGrant({
        permitType: 'short_term',
        previous: [],
        from: '2026-01-01',
        until: '2026-01-02',
      }),
    ).toEqual({ ok: false, reason: 'not_staff_opened' })
  })

  it('let staff ask for a year (humanitarian) or the first month (trafficking) when opening', () => {
    expect(firstRequestMaxMonths('humanitarian')).toBe(12)
    expect(firstRequestMaxMonths('trafficking_victim')).toBe(1)
    expect(firstRequestMaxMonths('short_term')).toBeNull()
  })
})
