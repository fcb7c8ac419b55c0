import 'server-only'
import { eq, sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { applications, residencePermits } from '@/db/schema'
import type { ApplicantActor, StaffActor } from '@/lib/domain/actor'

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
 * The cases (or, given its column, any rows: staff members, offices) a staff member's
 * directorate holds; national roles see every directorate.
 */
export function inDirectorateOf(
  actor: StaffActor,
  directorateColumn: AnyPgColumn = applications.directorateId,
): SQL {
  if (actor.role === 'national_admin') return sql`true`
  if (!actor.directorateId) return sql`false`
  return eq(directorateColumn, actor.directorateId)
}

/** Rows of the actor's own directorate only, for work each directorate does itself. */
export function inOwnDirectorate(actor: StaffActor, directorateColumn: AnyPgColumn): SQL {
  if (!actor.directorateId) return sql`false`
  return eq(directorateColumn, actor.directorateId)
}
