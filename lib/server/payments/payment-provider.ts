import 'server-only'
import { z } from 'zod'
import { paymentProviderSettings, type PaymentProviderSettings } from '../env'

// The one payment-provider interface (issue 18). The portal knows no provider by name: a
// deployment points PAYMENT_PROVIDER_URL at an adapter that speaks this small JSON protocol.
//   POST {url}/payments       { reference, amount, currency, returnUrl, notifyUrl }
//                             → { id, redirectUrl }   (amount in kuruş, an integer)
//   GET  {url}/payments/{id}  → { id, reference, amount, currency, status }
// Both carry `Authorization: Bearer PAYMENT_PROVIDER_TOKEN`. A payment counts only as the
// provider reports it to us server to server (SECURITY.md PY-01), never as a browser says.

export type NewPayment = {
  reference: string
  amountKurus: number
  currency: string
  /** Where the provider sends the person back to. */
  returnUrl: string
  /** Where the provider tells the portal that something happened to the payment. */
  notifyUrl: string
}

export type VerifiedPayment = {
  id: string
  reference: string
  amountKurus: number
  currency: string
  status: 'paid' | 'pending' | 'failed'
}

export type PaymentProvider = {
  createPayment(payment: NewPayment): Promise<{ id: string; redirectUrl: string }>
  verifyPayment(id: string): Promise<VerifiedPayment>
}

/** The provider did not answer, or answered something we cannot use. */
export class PaymentProviderError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PaymentProviderError'
  }
}

const providerId = z.string().min(1).max(200)

const createdSchema = z.object({ id: providerId, redirectUrl: z.string().url() })

const verifiedSchema = z.object({
  id: providerId,
  reference: z.string().max(100),
  amount: z.number().int().nonnegative(),
  currency: z.string().min(3).max(3),
  status: z.enum(['paid', 'pending', 'failed']),
})

export function createHttpPaymentProvider(settings: PaymentProviderSettings): PaymentProvider {
  const base = settings.url.replace(/\/+$/, '')
  const providerOrigin = new URL(base).origin

  async function call(path: string, init: RequestInit): Promise<unknown> {
    let response: Response
    try {
      response = await fetch(`${base}${path}`, {
        ...init,
        headers: {
          accept: 'application/json',
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          ...(settings.token ? { authorization: `Bearer ${settings.token}` } : {}),
        },
        redirect: 'error',
        signal: AbortSignal.timeout(settings.timeoutMs),
      })
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError'
      throw new PaymentProviderError(
        timedOut
          ? `payment provider did not answer within ${settings.timeoutMs} ms`
          : `payment provider unreachable: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
    if (!response.ok) throw new PaymentProviderError(`payment provider answered ${response.status}`)
    return response.json().catch(() => {
      throw new PaymentProviderError('payment provider answered no JSON')
    })
  }

  return {
    async createPayment(payment) {
      const parsed = createdSchema.safeParse(
        await call('/payments', {
          method: 'POST',
          body: JSON.stringify({
            reference: payment.reference,
            amount: payment.amountKurus,
            currency: payment.currency,
            returnUrl: payment.returnUrl,
            notifyUrl: payment.notifyUrl,
          }),
        }),
      )
      if (!parsed.success) throw new PaymentProviderError('payment provider answer not understood')
      // The person is sent to this address: only the provider's own site, never elsewhere.
      if (new URL(parsed.data.redirectUrl).origin !== providerOrigin)
        throw new PaymentProviderError('payment provider redirect leaves its own origin')
      return parsed.data
    },
    async verifyPayment(id) {
      const parsed = verifiedSchema.safeParse(
        await call(`/payments/${encodeURIComponent(id)}`, { method: 'GET' }),
      )
      if (!parsed.success) throw new PaymentProviderError('payment provider answer not understood')
      // A provider answering about another payment must not settle this one.
      if (parsed.data.id !== id)
        throw new PaymentProviderError('payment provider answered another id')
      const { amount, ...rest } = parsed.data
      return { ...rest, amountKurus: amount, currency: rest.currency.toUpperCase() }
    },
  }
}

/** The provider the deployment configured, or null: then only the bank and tax office way. */
export function configuredPaymentProvider(): PaymentProvider | null {
  const settings = paymentProviderSettings()
  return settings ? createHttpPaymentProvider(settings) : null
}

export function isOnlinePaymentEnabled(): boolean {
  return paymentProviderSettings() !== undefined
}
