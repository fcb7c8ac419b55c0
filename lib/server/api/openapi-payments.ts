import 'server-only'
import { z } from 'zod'
import {
  paymentNotificationAnswerSchema,
  paymentNotificationSchema,
} from '@/lib/schemas/payments/payment-notification'

// The payment provider's notification for openapi.ts (issue 18): no session, and nothing in
// the body is believed beyond the payment id (SECURITY.md PY-01..03).

type Json = Record<string, unknown>

const ref = (kind: 'schemas' | 'parameters' | 'responses', name: string) => ({
  $ref: `#/components/${kind}/${name}`,
})
const errorBody = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('schemas', 'ApiError') } },
})

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const out: Json = { ...z.toJSONSchema(schema, { io }) }
  delete out.$schema
  return out
}

export const PAYMENT_PATHS = {
  '/payments/notifications': {
    post: {
      operationId: 'notifyPayment',
      summary: 'The payment provider says a payment changed',
      description: [
        'Called by the payment provider (PAYMENT_PROVIDER_URL), not by people. The body names the',
        "provider's payment id; the portal then asks the provider for that payment itself and",
        'records it only when it is paid, for an accrual reference the portal issued, for exactly',
        'the amount due in Turkish lira. Other fields in the body are ignored. Repeating a',
        'notification records nothing more (already_recorded).',
      ].join(' '),
      security: [],
      parameters: [ref('parameters', 'AcceptLanguage')],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: ref('schemas', 'PaymentNotification') } },
      },
      responses: {
        '200': {
          description: 'What the portal did with the payment the provider reported',
          content: { 'application/json': { schema: ref('schemas', 'PaymentNotificationAnswer') } },
        },
        '400': ref('responses', '400'),
        '403': ref('responses', '403'),
        '409': errorBody(
          'online_unavailable (no provider configured), provider_unavailable (the provider did not confirm the payment), or not_payable (the application takes no payment now)',
        ),
        '413': ref('responses', '413'),
        '415': ref('responses', '415'),
        '422': errorBody(
          'unknown_reference, amount_mismatch, currency_mismatch or nothing_due: the payment is not recorded',
        ),
        '500': ref('responses', '500'),
      },
    },
  },
}

export function paymentSchemas(): Json {
  return {
    PaymentNotification: jsonSchema(paymentNotificationSchema, 'input'),
    PaymentNotificationAnswer: jsonSchema(paymentNotificationAnswerSchema, 'output'),
  }
}
