import { delay, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createHttpSmsGateway } from './http-sms-gateway'
import { SmsSendError } from './sms-gateway'

const URL = 'https://sms.test/v1/messages'
const server = setupServer()
const settings = { url: URL, token: 'secret-token', sender: 'IKAMET', timeoutMs: 200 }
const message = { to: '+905321234567', text: 'Hello', clientReference: 'outbox-id-1' }

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

describe('HTTP SMS gateway', () => {
  it('posts JSON with the bearer token and client reference, and keeps the provider id', async () => {
    const received: { auth: string | null; body: unknown }[] = []
    server.use(
      http.post(URL, async ({ request }) => {
        received.push({ auth: request.headers.get('authorization'), body: await request.json() })
        return HttpResponse.json({ id: 'prov-42' }, { status: 202 })
      }),
    )
    const result = await createHttpSmsGateway(settings).send(message)
    expect(result).toEqual({ providerId: 'prov-42' })
    expect(received).toEqual([
      {
        auth: 'Bearer secret-token',
        body: {
          to: '+905321234567',
          text: 'Hello',
          clientReference: 'outbox-id-1',
          from: 'IKAMET',
        },
      },
    ])
  })

  it('sends no authorization header when no token is set', async () => {
    let auth: string | null = 'unset'
    server.use(
      http.post(URL, ({ request }) => {
        auth = request.headers.get('authorization')
        return HttpResponse.json({ messageId: 7 })
      }),
    )
    const gateway = createHttpSmsGateway({ ...settings, token: undefined })
    expect(await gateway.send(message)).toEqual({ providerId: '7' })
    expect(auth).toBeNull()
  })

  it('turns a provider error into a retryable SmsSendError', async () => {
    server.use(http.post(URL, () => new HttpResponse('overloaded', { status: 500 })))
    const error = await createHttpSmsGateway(settings)
      .send(message)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SmsSendError)
    expect((error as SmsSendError).retryable).toBe(true)
    expect((error as SmsSendError).message).toContain('500')
  })

  it('gives up waiting after the timeout, as a retryable error', async () => {
    server.use(
      http.post(URL, async () => {
        await delay(2_000)
        return HttpResponse.json({ id: 'late' })
      }),
    )
    const started = Date.now()
    const error = await createHttpSmsGateway(settings)
      .send(message)
      .catch((e: unknown) => e)
    expect(Date.now() - started).toBeLessThan(1_500)
    expect(error).toBeInstanceOf(SmsSendError)
    expect((error as SmsSendError).message).toMatch(/did not answer within 200 ms/)
  })
})
