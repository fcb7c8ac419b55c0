import 'server-only'
import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { applications, residencePermits, restrictedCaseStaff } from '@/db/schema'
import type { ApplicantActor, StaffActor } from '@/lib/domain/actor'
import { restrictedCaseReach } from '@/lib/domain/casework/restricted-cases'

// Scoped query builders (ARCHITECTURE.md DAL-02): every read or change of an applicant's or a
// directorate's data puts one of these in its WHERE, in the same statement, so a guessed id
// from elsewhere finds nothing (security.md AC-06). Helpers that do not scope are named
// `unsafe…` and take an id the caller already scoped.

/** The applicant's own applications. */
export function ownedBy(actor: ApplicantActor): SQL {
  return eq(applications.applicantId, actor.userId)
}

/** The residence permits the person holds (claimed or granted to their account). */
export function heldBy(actor: { userId: string }): SQL {
  return eq(residencePermits.holderId, actor.userId)
}

/**
 * Restricted cases (humanitarian, trafficking victims; issue 13) only for the staff named on
 * them and national admins (lib/domain/casework/restricted-cases.ts, SECURITY.md RC-01).
 */
export function restrictedVisibleTo(actor: StaffActor): SQL {
  const reach = restrictedCaseReach(actor.role)
  if (reach === 'all') return sql`true`
  if (reach === 'none') return notRestricted()
  return sql`(${applications.restricted} = false or exists (select 1 from ${restrictedCaseStaff}
    where ${restrictedCaseStaff.applicationId} = ${applications.id}
      and ${restrictedCaseStaff.userId} = ${actor.userId}))`
}

/** Lookups by reference (public, call centre) and lists with identifying data never find one. */
export function notRestricted(): SQL {
  return eq(applications.restricted, false)
}

/**
 * The cases (or, given its column, any rows: staff members, offices) a staff member's
 * directorate holds; national roles see every directorate. For cases, a restricted one only
 * when the member is named on it.
 */
export function inDirectorateOf(
  actor: StaffActor,
  directorateColumn: AnyPgColumn = applications.directorateId,
): SQL {
  if (actor.role === 'national_admin') return sql`true`
  if (!actor.directorateId) return sql`false`
  const inDirectorate = eq(directorateColumn, actor.directorateId)
  if (directorateColumn !== applications.directorateId) return inDirectorate
  return and(inDirectorate, restrictedVisibleTo(actor))!
}

/** Rows of the actor's own directorate only, for work each directorate does itself. */
export function inOwnDirectorate(actor: StaffActor, directorateColumn: AnyPgColumn): SQL {
  if (!actor.directorateId) return sql`false`
  return eq(directorateColumn, actor.directorateId)
}
