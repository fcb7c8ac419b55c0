import 'server-only'
import { and, asc, eq, gte, isNotNull, sql } from 'drizzle-orm'
import { getDb, type Db } from '@/db'
import { applicationEvents, applications, residencePermits } from '@/db/schema'
import type { ApplicationStatus } from '@/lib/domain/application-status'
import { decisionEstimate, type DecisionEstimate } from '@/lib/domain/casework/decision-estimate'
import { decisionDays } from '@/lib/domain/casework/deadlines'
import { isPermitTypeCode } from '@/lib/domain/permits/permit-types'
import { requireSignedIn } from '../actor'
import { unsafeFindFeeStatus, type FeeStatus } from '../payments/fee-status'
import { unsafeFindOpenRequest, unsafeListFilesSince, type OpenRequest } from './document-request'
import { getMyApplication, type MyApplication } from './my-application'

export type ApplicationProgress = {
  application: MyApplication
  timeline: {
    status: ApplicationStatus
    reasonCode: string | null
    details: Record<string, string>
    at: Date
  }[]
  request: (OpenRequest & { files: Awaited<ReturnType<typeof unsafeListFilesSince>> }) | null
  card: { trackingNumber: string | null; validFrom: string; validUntil: string } | null
  decisionDueOn: string | null
  statutoryDays: number
  estimate: DecisionEstimate
  /** What is due and how to pay it; null for a file with no fee (issue 18). */
  fees: FeeStatus | null
}

/**
 * Decided applications of the same directorate, permit type and kind in the last year: how
 * many days from a complete file to the decision (median, 80th percentile).
 */
async function estimateFor(db: Db, app: MyApplication & { directorateId: string | null }) {
  if (!app.directorateId) return decisionEstimate(0, null, null)
  const [row] = await db
    .select({
      n: sql<number>`count(*)::int`,
      median: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from ${applications.decidedAt} - ${applications.documentsReceivedAt}) / 86400)`,
      p80: sql<
        number | null
      >`percentile_cont(0.8) within group (order by extract(epoch from ${applications.decidedAt} - ${applications.documentsReceivedAt}) / 86400)`,
    })
    .from(applications)
    .where(
      and(
        eq(applications.directorateId, app.directorateId),
        eq(applications.permitTypeCode, app.permitTypeCode),
        eq(applications.kind, app.kind),
        isNotNull(applications.decidedAt),
        isNotNull(applications.documentsReceivedAt),
        gte(applications.decidedAt, sql`now() - interval '365 days'`),
      ),
    )
  return decisionEstimate(Number(row?.n ?? 0), row?.median ?? null, row?.p80 ?? null)
}

/** Where one of the caller's own applications stands, for its status page. */
export async function getMyApplicationProgress(id: string): Promise<ApplicationProgress> {
  await requireSignedIn()
  const application = await getMyApplication(id)
  const db = await getDb()
  const [extra] = await db
    .select({
      directorateId: applications.directorateId,
      decisionDueOn: applications.decisionDueOn,
      longTermDays: sql<number>`coalesce((select long_term_decision_days from directorates d where d.id = ${applications.directorateId}), 90)`,
    })
    .from(applications)
    .where(eq(applications.id, application.id))
  const [timeline, request, permits, estimate, fees] = await Promise.all([
    db
      .select({
        status: applicationEvents.toStatus,
        reasonCode: applicationEvents.reasonCode,
        details: applicationEvents.details,
        at: applicationEvents.createdAt,
      })
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, application.id))
      .orderBy(asc(applicationEvents.createdAt), asc(applicationEvents.id)),
    application.status === 'missing_documents' ? unsafeFindOpenRequest(db, application.id) : null,
    db
      .select({
        trackingNumber: residencePermits.postTrackingNumber,
        validFrom: residencePermits.validFrom,
        validUntil: residencePermits.validUntil,
      })
      .from(residencePermits)
      .where(eq(residencePermits.applicationId, application.id)),
    estimateFor(db, { ...application, directorateId: extra?.directorateId ?? null }),
    unsafeFindFeeStatus(db, application.id, application.status),
  ])
  const type = isPermitTypeCode(application.permitTypeCode)
    ? application.permitTypeCode
    : 'short_term'
  return {
    application,
    timeline,
    request: request && {
      ...request,
      files: await unsafeListFilesSince(db, application.id, request.createdAt),
    },
    card: permits[0] ?? null,
    decisionDueOn: extra?.decisionDueOn ?? null,
    statutoryDays: decisionDays(type, extra?.longTermDays ?? 90),
    estimate,
    fees,
  }
}
