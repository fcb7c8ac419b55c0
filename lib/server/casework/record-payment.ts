import 'server-only'
import { sql } from 'drizzle-orm'
import { FEE_CURRENCY, checkPaymentAgainstDue } from '@/lib/domain/fee-payments'
import { Refused } from '../errors'
import { unsafeSettleFees } from '../payments/settle-fees'
import { changeCase, type CaseChangeInput } from './change-case'

/**
 * The counter officer records the fees from the receipt the person shows (a tax office or
 * bank payment with the accrual reference). Only the exact amount due is taken, once per
 * application (the payment row's unique application); the receipt number and amount go into
 * the case's audit row with the officer's name.
 */
export function recordCounterPayment(
  input: CaseChangeInput & { receiptNumber: string; amountKurus: number },
) {
  return changeCase('record_payment', input, async (tx, row, actor) => {
    const problem = checkPaymentAgainstDue(
      { amountKurus: input.amountKurus, currency: FEE_CURRENCY },
      row.feeTotalKurus,
    )
    if (problem) throw new Refused(`payment_${problem}`, { namespace: 'casework' })
    const settled = await unsafeSettleFees(tx, {
      applicationId: row.id,
      status: row.status,
      method: 'counter',
      amountKurus: input.amountKurus,
      currency: FEE_CURRENCY,
      receiptNumber: input.receiptNumber,
      recordedByUserId: actor.userId,
    })
    if (!settled) throw new Refused('not_allowed_now', { namespace: 'casework', status: 409 })
    return {
      set: { feesPaidAt: sql`now()` },
      audit: { receiptNumber: input.receiptNumber, amountKurus: input.amountKurus },
    }
  })
}
