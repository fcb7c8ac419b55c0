import 'server-only'
import { and, eq, notInArray, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { applications } from '@/db/schema'
import type { ApplicationStatus } from '@/lib/domain/application-status'
import { requireStaff } from './actor'

export type StatusCount = { status: ApplicationStatus; count: number }

/** Open applications of the caller's own directorate, counted by status. */
export async function countOpenCasesByStatus(): Promise<StatusCount[]> {
  const actor = await requireStaff('cases.view')
  if (!actor.directorateId) return []
  const db = await getDb()
  return db
    .select({ status: applications.status, count: sql<number>`count(*)::int` })
    .from(applications)
    .where(
      and(
        eq(applications.directorateId, actor.directorateId),
        notInArray(applications.status, ['draft', 'delivered', 'refused', 'withdrawn', 'closed']),
      ),
    )
    .groupBy(applications.status)
    .orderBy(applications.status)
}
