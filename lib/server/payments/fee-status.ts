import 'server-only'
import { eq } from 'drizzle-orm'
import { applications, feePayments } from '@/db/schema'
import type { ApplicationStatus } from '@/lib/domain/application-status'
import { feeLines, isFeePayable, type FeeStatus } from '@/lib/domain/fee-payments'
import type { Tx } from '../transaction'
import { isOnlinePaymentEnabled } from './payment-provider'

type Reader = Pick<Tx, 'select'>
export type { FeeStatus }

/**
 * What the applicant owes and how it was paid, for the status page; null when nothing is
 * due (a draft, no fee computed). `applicationId` is one the caller already read as its own
 * (getMyApplicationProgress), so nothing here scopes again.
 */
export async function unsafeFindFeeStatus(
  db: Reader,
  applicationId: string,
  status: ApplicationStatus,
): Promise<FeeStatus | null> {
  const [row] = await db
    .select({
      accrualReference: applications.accrualReference,
      cardFeeKurus: applications.cardFeeKurus,
      permitFeeKurus: applications.permitFeeKurus,
      totalKurus: applications.feeTotalKurus,
      feesPaidAt: applications.feesPaidAt,
      method: feePayments.method,
      paidAt: feePayments.createdAt,
    })
    .from(applications)
    .leftJoin(feePayments, eq(feePayments.applicationId, applications.id))
    .where(eq(applications.id, applicationId))
  if (!row?.accrualReference || !row.totalKurus) return null
  return {
    accrualReference: row.accrualReference,
    lines: feeLines(row),
    totalKurus: row.totalKurus,
    // A receipt ticked at the counter before payments were recorded has no payment row.
    paid: row.feesPaidAt
      ? { method: row.method ?? 'counter', at: row.paidAt ?? row.feesPaidAt }
      : null,
    payable: isFeePayable(status, row.feesPaidAt !== null),
    online: isOnlinePaymentEnabled(),
  }
}
