import { delay, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createHttpPaymentProvider, PaymentProviderError } from './payment-provider'

const BASE = 'https://pay.test/api'
const server = setupServer()
const settings = { url: `${BASE}/`, token: 'pay-token', timeoutMs: 200 }
const payment = {
  reference: 'TH-2345-6789-AC',
  amountKurus: 336_400,
  currency: 'TRY',
  returnUrl: 'https://portal.test/en/applications/x/status?done=payment',
  notifyUrl: 'https://portal.test/api/v1/payments/notifications',
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const failure = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => e)

describe('HTTP payment provider', () => {
  it('creates a payment with the bearer token and returns the provider page', async () => {
    const received: { auth: string | null; body: unknown }[] = []
    server.use(
      http.post(`${BASE}/payments`, async ({ request }) => {
        received.push({ auth: request.headers.get('authorization'), body: await request.json() })
        return HttpResponse.json({ id: 'pay-1', redirectUrl: 'https://pay.test/checkout/pay-1' })
      }),
    )
    const created = await createHttpPaymentProvider(settings).createPayment(payment)
    expect(created).toEqual({ id: 'pay-1', redirectUrl: 'https://pay.test/checkout/pay-1' })
    expect(received).toEqual([
      {
        auth: 'Bearer pay-token',
        body: {
          reference: payment.reference,
          amount: 336_400,
          currency: 'TRY',
          returnUrl: payment.returnUrl,
          notifyUrl: payment.notifyUrl,
        },
      },
    ])
  })

  it('refuses to send the person anywhere but the provider', async () => {
    server.use(
      http.post(`${BASE}/payments`, () =>
        HttpResponse.json({ id: 'pay-1', redirectUrl: 'https://evil.example/checkout' }),
      ),
    )
    const error = await failure(createHttpPaymentProvider(settings).createPayment(payment))
    expect(error).toBeInstanceOf(PaymentProviderError)
    expect((error as Error).message).toMatch(/origin/)
  })

  it('verifies a payment by its id, server to server', async () => {
    let auth: string | null = null
    server.use(
      http.get(`${BASE}/payments/:id`, ({ request, params }) => {
        auth = request.headers.get('authorization')
        return HttpResponse.json({
          id: params.id,
          reference: payment.reference,
          amount: 336_400,
          currency: 'try',
          status: 'paid',
        })
      }),
    )
    expect(await createHttpPaymentProvider(settings).verifyPayment('pay/1')).toEqual({
      id: 'pay/1',
      reference: payment.reference,
      amountKurus: 336_400,
      currency: 'TRY',
      status: 'paid',
    })
    expect(auth).toBe('Bearer pay-token')
  })

  it('does not accept an answer about another payment or one it cannot read', async () => {
    const answer = (body: Record<string, string | number>) =>
      server.use(http.get(`${BASE}/payments/:id`, () => HttpResponse.json(body)))
    const provider = createHttpPaymentProvider(settings)
    answer({ id: 'other', reference: 'x', amount: 1, currency: 'TRY', status: 'paid' })
    expect(await failure(provider.verifyPayment('pay-1'))).toBeInstanceOf(PaymentProviderError)
    answer({ id: 'pay-1', reference: 'x', amount: 1.5, currency: 'TRY', status: 'paid' })
    expect(await failure(provider.verifyPayment('pay-1'))).toBeInstanceOf(PaymentProviderError)
    answer({ id: 'pay-1', reference: 'x', amount: 1, currency: 'TRY', status: 'done' })
    expect(await failure(provider.verifyPayment('pay-1'))).toBeInstanceOf(PaymentProviderError)
  })

  it('turns an error answer, a redirect and a timeout into PaymentProviderError', async () => {
    const provider = createHttpPaymentProvider(settings)
    server.use(http.get(`${BASE}/payments/:id`, () => new HttpResponse('down', { status: 503 })))
    expect(((await failure(provider.verifyPayment('a'))) as Error).message).toContain('503')
    server.use(
      http.get(`${BASE}/payments/:id`, () =>
        HttpResponse.redirect('https://elsewhere.example/payments/a', 302),
      ),
    )
    expect(await failure(provider.verifyPayment('a'))).toBeInstanceOf(PaymentProviderError)
    server.use(
      http.get(`${BASE}/payments/:id`, async () => {
        await delay(2_000)
        return HttpResponse.json({})
      }),
    )
    const started = Date.now()
    const error = await failure(provider.verifyPayment('a'))
    expect(Date.now() - started).toBeLessThan(1_500)
    expect((error as Error).message).toMatch(/within 200 ms/)
  })
})
