import 'server-only'
import {
  and,
  asc,
  count,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm'
import { getDb } from '@/db'
import { isUuid } from '@/lib/domain/ids'
import { applications, documentRequests, staffMembers } from '@/db/schema'
import type { StaffActor } from '@/lib/domain/actor'
import {
  CASEWORK_STATUSES,
  type ApplicationKind,
  type ApplicationStatus,
} from '@/lib/domain/application-status'
import { NEAR_DEADLINE_DAYS } from '@/lib/domain/casework/deadlines'
import { QUEUE_PAGE_SIZE, type QueueQuery } from '@/lib/schemas/casework/queue'
import { requireStaff } from '../actor'
import { auditRead } from '../audit'
import { todayInIstanbul } from '../clock'
import { inDirectorateOf } from '../scope'

export type QueueRow = {
  id: string
  reference: string
  kind: ApplicationKind
  permitTypeCode: string
  status: ApplicationStatus
  applicantName: string
  nationality: string | null
  submittedAt: string | null
  decisionDueOn: string | null
  requestDueAt: string | null
  assignedToName: string | null
  assignedToMe: boolean
}

export type QueuePage = {
  rows: QueueRow[]
  nextCursor: string | null
  counts: Partial<Record<ApplicationStatus, number>>
  total: number
}

const personal = (field: string) =>
  sql<string | null>`${applications.formData}->'personal'->>${field}`
const FAR_FUTURE = '9999-12-31'
const dueKey = sql<string>`coalesce(${applications.decisionDueOn}, ${FAR_FUTURE}::date)`
const submittedKey = sql<string>`coalesce(${applications.submittedAt}, 'epoch'::timestamptz)`

type Cursor = [string, string]

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url')
}

function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown
    // Only what this function wrote: a sort key and a uuid, so no text reaches a cast that fails.
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?)?$/.test(parsed[0]) &&
      isUuid(parsed[1])
    )
      return parsed as Cursor
  } catch {}
  return null
}

/** The filters except status and page, shared by the rows and the counts per status. */
function filters(actor: StaffActor, query: QueueQuery): SQL[] {
  const where: SQL[] = [
    inDirectorateOf(actor),
    inArray(applications.status, [...CASEWORK_STATUSES]),
  ]
  if (query.kind) where.push(eq(applications.kind, query.kind))
  if (query.permitType) where.push(eq(applications.permitTypeCode, query.permitType))
  if (query.nationality) where.push(sql`${personal('nationality')} = ${query.nationality}`)
  if (query.submittedFrom)
    where.push(
      sql`${applications.submittedAt} >= (${query.submittedFrom}::date at time zone 'Europe/Istanbul')`,
    )
  if (query.submittedTo)
    where.push(
      sql`${applications.submittedAt} < ((${query.submittedTo}::date + 1) at time zone 'Europe/Istanbul')`,
    )
  if (query.assigned === 'me') where.push(eq(applications.assignedToUserId, actor.userId))
  if (query.assigned === 'unassigned') where.push(isNull(applications.assignedToUserId))
  if (query.assigned === 'others')
    where.push(
      and(
        isNotNull(applications.assignedToUserId),
        ne(applications.assignedToUserId, actor.userId),
      )!,
    )
  if (query.overdue) {
    const nearDay = sql`(${todayInIstanbul()}::date + ${NEAR_DEADLINE_DAYS}::int)`
    where.push(
      or(sql`${applications.decisionDueOn} <= ${nearDay}`, sql`${documentRequests.dueAt} < now()`)!,
    )
  }
  return where
}

/**
 * A page of the caller's directorate's work queue, with the count per status under the same
 * filters. Keyset pagination: the cursor is the last row's sort key and id.
 */
export async function findCasesForQueue(query: QueueQuery): Promise<QueuePage> {
  const actor = await requireStaff('cases.view')
  const db = await getDb()
  const openRequest = and(
    eq(documentRequests.applicationId, applications.id),
    isNull(documentRequests.answeredAt),
    isNull(documentRequests.lapsedAt),
  )
  const base = filters(actor, query)
  const key = query.sort === 'deadline' ? dueKey : submittedKey
  const where = [...base]
  if (query.status) where.push(eq(applications.status, query.status))
  const cursor = decodeCursor(query.cursor)
  if (cursor)
    where.push(
      or(
        sql`${key} > ${cursor[0]}`,
        and(sql`${key} = ${cursor[0]}`, gt(applications.id, cursor[1])),
      )!,
    )

  const rows = await db
    .select({
      id: applications.id,
      reference: applications.reference,
      kind: applications.kind,
      permitTypeCode: applications.permitTypeCode,
      status: applications.status,
      givenNames: personal('givenNames'),
      surname: personal('surname'),
      nationality: personal('nationality'),
      submittedAt: sql<
        string | null
      >`to_char(${applications.submittedAt} at time zone 'Europe/Istanbul', 'YYYY-MM-DD')`,
      decisionDueOn: applications.decisionDueOn,
      requestDueAt: sql<
        string | null
      >`to_char(${documentRequests.dueAt} at time zone 'Europe/Istanbul', 'YYYY-MM-DD')`,
      assignedTo: applications.assignedToUserId,
      assignedToName: staffMembers.displayName,
      sortKey: sql<string>`${key}::text`,
    })
    .from(applications)
    .leftJoin(documentRequests, openRequest)
    .leftJoin(staffMembers, eq(staffMembers.userId, applications.assignedToUserId))
    .where(and(...where))
    .orderBy(asc(key), asc(applications.id))
    .limit(QUEUE_PAGE_SIZE + 1)

  const countRows = await db
    .select({ status: applications.status, n: count() })
    .from(applications)
    .leftJoin(documentRequests, openRequest)
    .where(and(...base))
    .groupBy(applications.status)

  const page = rows.slice(0, QUEUE_PAGE_SIZE)
  const last = page.at(-1)
  // Names and nationalities of a page of cases: the filters are recorded (codes and dates,
  // no person), and which cases were listed, by id.
  const { cursor: pageCursor, ...shown } = query
  await auditRead({
    actorUserId: actor.userId,
    action: 'cases.queue_viewed',
    entityType: 'case_queue',
    entityId: actor.directorateId,
    details: { filters: shown, nextPage: Boolean(pageCursor), caseIds: page.map((r) => r.id) },
  })
  const counts = Object.fromEntries(countRows.map((c) => [c.status, Number(c.n)]))
  return {
    rows: page.map((r) => ({
      id: r.id,
      reference: r.reference,
      kind: r.kind,
      permitTypeCode: r.permitTypeCode,
      status: r.status,
      applicantName: [r.givenNames, r.surname].filter(Boolean).join(' '),
      nationality: r.nationality,
      submittedAt: r.submittedAt,
      decisionDueOn: r.decisionDueOn,
      requestDueAt: r.requestDueAt,
      assignedToName: r.assignedToName,
      assignedToMe: r.assignedTo === actor.userId,
    })),
    nextCursor:
      rows.length > QUEUE_PAGE_SIZE && last ? encodeCursor([last.sortKey, last.id]) : null,
    counts,
    total: countRows.reduce((sum, c) => sum + Number(c.n), 0),
  }
}
