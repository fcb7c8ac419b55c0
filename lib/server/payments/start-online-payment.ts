import 'server-only'
import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { applications } from '@/db/schema'
import { FEE_CURRENCY, isFeePayable } from '@/lib/domain/fee-payments'
import type { Locale } from '@/lib/domain/locales'
import { paths } from '@/lib/paths'
import { requireSignedIn } from '../actor'
import { Refused } from '../errors'
import { getMyApplication } from '../applications/my-application'
import { configuredPaymentProvider, PaymentProviderError } from './payment-provider'

const refused = (reason: string) => new Refused(reason, { namespace: 'payments', status: 409 })

/**
 * Opens a payment at the provider for the caller's own application: its accrual reference and
 * the total due, read from the database, never from the form. Returns where to send the
 * person; nothing is recorded until the provider confirms the payment (PY-01).
 */
export async function startOnlinePayment(
  applicationId: string,
  input: { locale: Locale; origin: string },
): Promise<{ redirectUrl: string }> {
  const actor = await requireSignedIn()
  const app = await getMyApplication(applicationId)
  const provider = configuredPaymentProvider()
  if (!provider) throw refused('online_unavailable')
  const db = await getDb()
  const [row] = await db
    .select({
      accrualReference: applications.accrualReference,
      dueKurus: applications.feeTotalKurus,
      feesPaidAt: applications.feesPaidAt,
    })
    .from(applications)
    .where(and(eq(applications.id, app.id), eq(applications.applicantId, actor.userId)))
  if (!row?.accrualReference || !row.dueKurus || !isFeePayable(app.status, row.feesPaidAt !== null))
    throw refused('not_payable')
  try {
    return await provider.createPayment({
      reference: row.accrualReference,
      amountKurus: row.dueKurus,
      currency: FEE_CURRENCY,
      returnUrl: `${input.origin}${paths.applicationStatus(input.locale, app.id)}?done=payment`,
      notifyUrl: `${input.origin}/api/v1/payments/notifications`,
    })
  } catch (error) {
    if (error instanceof PaymentProviderError) throw refused('provider_unavailable')
    throw error
  }
}
