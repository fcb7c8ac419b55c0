import 'server-only'
import { eq, sql } from 'drizzle-orm'
import { applications, feePayments } from '@/db/schema'
import { checkPaymentAgainstDue, isFeePayable } from '@/lib/domain/fee-payments'
import { writeAudit } from '../audit'
import { Refused } from '../errors'
import { inTransaction } from '../transaction'
import { configuredPaymentProvider, PaymentProviderError } from './payment-provider'
import { unsafeSettleFees } from './settle-fees'

export type ProviderPaymentOutcome = 'recorded' | 'already_recorded' | 'not_paid'

const refused = (reason: string, status: 409 | 422 = 422) =>
  new Refused(reason, { namespace: 'payments', status })

/**
 * The provider says something happened to payment `paymentId` (its notification, or the
 * person coming back). Nothing in the message is believed: the portal asks the provider for
 * the payment itself (SECURITY.md PY-01) and records it only when it is paid, for an accrual
 * reference we issued, for exactly the amount due in lira (PY-02). A repeat of the same
 * payment finds it already recorded and changes nothing (PY-03).
 */
export async function recordProviderPayment(paymentId: string): Promise<ProviderPaymentOutcome> {
  const provider = configuredPaymentProvider()
  if (!provider) throw refused('online_unavailable', 409)
  let payment
  try {
    payment = await provider.verifyPayment(paymentId)
  } catch (error) {
    if (error instanceof PaymentProviderError) throw refused('provider_unavailable', 409)
    throw error
  }
  if (payment.status !== 'paid') return 'not_paid'
  const outcome = await inTransaction(async (tx) => {
    const [app] = await tx
      .select({
        id: applications.id,
        status: applications.status,
        dueKurus: applications.feeTotalKurus,
        feesPaidAt: applications.feesPaidAt,
      })
      .from(applications)
      .where(eq(applications.accrualReference, payment.reference))
      .for('update')
    if (!app) return { ok: false as const, reason: 'unknown_reference', applicationId: null }
    // After the lock, so a notification racing this one sees its payment, not a paid file.
    const [known] = await tx
      .select({ applicationId: feePayments.applicationId })
      .from(feePayments)
      .where(eq(feePayments.providerPaymentId, payment.id))
    if (known) return { ok: true as const, outcome: 'already_recorded' as const }
    const problem = checkPaymentAgainstDue(payment, app.dueKurus)
    if (problem) return { ok: false as const, reason: problem, applicationId: app.id }
    if (!isFeePayable(app.status, app.feesPaidAt !== null))
      return { ok: false as const, reason: 'not_payable', applicationId: app.id }
    const settled = await unsafeSettleFees(tx, {
      applicationId: app.id,
      status: app.status,
      method: 'online',
      amountKurus: payment.amountKurus,
      currency: payment.currency,
      providerPaymentId: payment.id,
      recordedByUserId: null,
    })
    // Someone else's notification of the same payment got in first (unique provider id).
    if (!settled) return { ok: true as const, outcome: 'already_recorded' as const }
    await tx
      .update(applications)
      .set({
        feesPaidAt: sql`now()`,
        version: sql`${applications.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(applications.id, app.id))
    await writeAudit(tx, {
      actorUserId: null,
      action: 'payment.recorded',
      entityType: 'application',
      entityId: app.id,
      details: {
        method: 'online',
        providerPaymentId: payment.id,
        amountKurus: payment.amountKurus,
      },
    })
    return { ok: true as const, outcome: 'recorded' as const }
  })
  if (outcome.ok) return outcome.outcome
  // A payment we cannot record is kept on record for the people who reconcile with the provider.
  await inTransaction((tx) =>
    writeAudit(tx, {
      actorUserId: null,
      action: 'payment.refused',
      entityType: 'application',
      entityId: outcome.applicationId,
      details: {
        reason: outcome.reason,
        providerPaymentId: payment.id,
        amountKurus: payment.amountKurus,
        currency: payment.currency,
      },
    }),
  )
  throw refused(outcome.reason, outcome.reason === 'not_payable' ? 409 : 422)
}
