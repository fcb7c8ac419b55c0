import 'server-only'
import { desc, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { applications } from '@/db/schema'
import type { ApplicationKind, ApplicationStatus } from '@/lib/domain/application-status'
import { requireSignedIn } from '../actor'

export type MyApplicationRow = {
  id: string
  reference: string
  kind: ApplicationKind
  permitTypeCode: string
  status: ApplicationStatus
  updatedAt: Date
}

/** The signed-in person's own applications; the owner filter is part of the query. */
export async function listMyApplications(): Promise<MyApplicationRow[]> {
  const actor = await requireSignedIn()
  const db = await getDb()
  return db
    .select({
      id: applications.id,
      reference: applications.reference,
      kind: applications.kind,
      permitTypeCode: applications.permitTypeCode,
      status: applications.status,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .where(eq(applications.applicantId, actor.userId))
    .orderBy(desc(applications.updatedAt))
}
