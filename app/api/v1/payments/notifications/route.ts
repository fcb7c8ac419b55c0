import { apiRoute } from '@/lib/server/entry/api-route'
import { recordProviderPayment } from '@/lib/server/payments/record-provider-payment'
import { paymentNotificationSchema } from '@/lib/schemas/payments/payment-notification'

// Public: the payment provider calls it, with no session. The body names a payment; the
// portal asks the provider about it before recording anything (SECURITY.md PY-01..03).
export const POST = apiRoute({
  isPublic: true,
  input: paymentNotificationSchema,
  run: async ({ input }) => ({ outcome: await recordProviderPayment(input.paymentId) }),
})
