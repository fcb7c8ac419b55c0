import 'server-only'
import { applicationEvents, feePayments } from '@/db/schema'
import type { ApplicationStatus } from '@/lib/domain/application-status'
import { FEES_PAID_EVENT } from '@/lib/domain/fee-payments'
import type { Tx } from '../transaction'

export type Settlement = {
  applicationId: string
  status: ApplicationStatus
  method: 'online' | 'counter'
  amountKurus: number
  currency: string
  providerPaymentId?: string
  receiptNumber?: string
  recordedByUserId: string | null
}

/**
 * Records the payment that settles an application's fees: the payment row and the "fees paid"
 * step of the timeline, which keeps the status (the file still waits for its appointment or
 * its review). The caller has locked the application row within its own scope, checked the
 * amount, and sets fees_paid_at and the version in its own update. Returns false when the
 * application already has a payment, which the unique constraint decides, not a read before.
 */
export async function unsafeSettleFees(tx: Tx, s: Settlement): Promise<boolean> {
  const inserted = await tx
    .insert(feePayments)
    .values({
      applicationId: s.applicationId,
      method: s.method,
      amountKurus: s.amountKurus,
      currency: s.currency,
      providerPaymentId: s.providerPaymentId ?? null,
      receiptNumber: s.receiptNumber ?? null,
      recordedByUserId: s.recordedByUserId,
    })
    .onConflictDoNothing()
    .returning({ id: feePayments.id })
  if (inserted.length === 0) return false
  await tx.insert(applicationEvents).values({
    applicationId: s.applicationId,
    fromStatus: s.status,
    toStatus: s.status,
    actorUserId: s.recordedByUserId,
    reasonCode: FEES_PAID_EVENT,
    details: { method: s.method },
  })
  return true
}
