import '../testing/request-scope-mocks'
import { eq } from 'drizzle-orm'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { NextRequest } from 'next/server'
import { POST as notify } from '@/app/api/v1/payments/notifications/route'
import { getDb } from '@/db'
import { applicationEvents, applications, auditEvents, feePayments } from '@/db/schema'
import { AccessDenied } from '../actor'
import { getMyApplicationProgress } from '../applications/application-progress'
import { recordCounterPayment } from '../casework/record-payment'
import { Refused } from '../errors'
import { actAs } from '../testing/as-user'
import { caseVersion, createCase, type TestCase } from '../testing/case-fixtures'
import { setCurrentRequest } from '../testing/request-context'
import { recordProviderPayment } from './record-provider-payment'
import { startOnlinePayment } from './start-online-payment'

// Recording fee payments (issue 18, SECURITY.md PY-01..04) against a real database; the
// payment provider is msw, so every outgoing call of these tests is answered here.

const PROVIDER = 'https://pay.test/api'
const ISTANBUL = 34
const CASEWORKER = 'caseworker.istanbul@example.org'
const ANKARA_CASEWORKER = 'caseworker.ankara@example.org'
const ADMIN = 'admin.istanbul@example.org'

type ProviderPayment = {
  id: string
  reference: string
  amount: number
  currency: string
  status: 'paid' | 'pending' | 'failed'
}
const atProvider = new Map<string, ProviderPayment>()
const created: Record<string, unknown>[] = []
const server = setupServer(
  http.post(`${PROVIDER}/payments`, async ({ request }) => {
    const body = (await request.json()) as Record<string, unknown>
    created.push(body)
    const id = `pay-${created.length}`
    return HttpResponse.json({ id, redirectUrl: `https://pay.test/checkout/${id}` })
  }),
  http.get(`${PROVIDER}/payments/:id`, ({ params }) => {
    const payment = atProvider.get(String(params.id))
    return payment ? HttpResponse.json(payment) : new HttpResponse(null, { status: 404 })
  }),
)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  process.env.PAYMENT_PROVIDER_URL = PROVIDER
  process.env.PAYMENT_PROVIDER_TOKEN = 'pay-token'
})
afterEach(async () => {
  delete process.env.PAYMENT_PROVIDER_URL
  delete process.env.PAYMENT_PROVIDER_TOKEN
  await actAs(null)
})
afterAll(() => server.close())

/** A sent application waiting for its appointment, fees not paid (100 000 kuruş due). */
const unpaidCase = () =>
  createCase(ISTANBUL, { status: 'awaiting_appointment', documentsReceived: false })

async function referenceOf(id: string): Promise<string> {
  const db = await getDb()
  const [row] = await db
    .select({ ref: applications.accrualReference })
    .from(applications)
    .where(eq(applications.id, id))
  return row!.ref!
}

let next = 0
async function paidAtProvider(c: TestCase, change: Partial<ProviderPayment> = {}) {
  const payment: ProviderPayment = {
    id: `prov-${++next}-${c.id.slice(0, 8)}`,
    reference: await referenceOf(c.id),
    amount: 100_000,
    currency: 'TRY',
    status: 'paid',
    ...change,
  }
  atProvider.set(payment.id, payment)
  return payment.id
}

async function state(id: string) {
  const db = await getDb()
  const [app] = await db
    .select({ feesPaidAt: applications.feesPaidAt, version: applications.version })
    .from(applications)
    .where(eq(applications.id, id))
  const payments = await db.select().from(feePayments).where(eq(feePayments.applicationId, id))
  const events = await db
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, id))
  const audits = await db.select().from(auditEvents).where(eq(auditEvents.entityId, id))
  return {
    paid: app!.feesPaidAt !== null,
    version: app!.version,
    payments,
    feesPaidEvents: events.filter((e) => e.reasonCode === 'fees_paid'),
    audits: audits.map((a) => a.action),
  }
}

async function refusal(work: () => Promise<unknown>) {
  try {
    await work()
  } catch (error) {
    return error
  }
  throw new Error('expected a refusal')
}

describe('payments from the provider', () => {
  it('records a confirmed payment once, however often the provider tells us', async () => {
    const c = await unpaidCase()
    const paymentId = await paidAtProvider(c)
    expect(await recordProviderPayment(paymentId)).toBe('recorded')
    const first = await state(c.id)
    expect(first.paid).toBe(true)
    expect(first.payments).toMatchObject([
      { method: 'online', amountKurus: 100_000, currency: 'TRY', providerPaymentId: paymentId },
    ])
    expect(first.feesPaidEvents).toMatchObject([
      { fromStatus: 'awaiting_appointment', toStatus: 'awaiting_appointment' },
    ])
    expect(first.audits).toContain('payment.recorded')

    const again = await Promise.all([1, 2, 3].map(() => recordProviderPayment(paymentId)))
    expect(again).toEqual(['already_recorded', 'already_recorded', 'already_recorded'])
    expect(await state(c.id)).toEqual(first)
  })

  it('records one payment when the same notification arrives several times at once', async () => {
    const c = await unpaidCase()
    const paymentId = await paidAtProvider(c)
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => recordProviderPayment(paymentId)))
    expect(outcomes.filter((o) => o === 'recorded')).toHaveLength(1)
    expect(outcomes.filter((o) => o === 'already_recorded')).toHaveLength(3)
    const after = await state(c.id)
    expect(after.payments).toHaveLength(1)
    expect(after.feesPaidEvents).toHaveLength(1)
  })

  it('refuses an amount or a currency that is not what is due, and records nothing', async () => {
    const c = await unpaidCase()
    const before = await state(c.id)
    for (const change of [{ amount: 99_999 }, { amount: 100_001 }, { currency: 'USD' }]) {
      const error = await refusal(async () =>
        recordProviderPayment(await paidAtProvider(c, change)),
      )
      expect(error).toBeInstanceOf(Refused)
      expect((error as Refused).reason).toMatch(/_mismatch$/)
    }
    const after = await state(c.id)
    expect({ ...after, audits: [] }).toEqual({ ...before, audits: [] })
    expect(after.audits.filter((a) => a === 'payment.refused')).toHaveLength(3)
  })

  it('records nothing for a payment the provider does not report as paid', async () => {
    const c = await unpaidCase()
    const before = await state(c.id)
    for (const status of ['pending', 'failed'] as const)
      expect(await recordProviderPayment(await paidAtProvider(c, { status }))).toBe('not_paid')
    // A payment for a reference we never issued.
    const stranger = await paidAtProvider(c, { reference: 'TH-2222-2222-22' })
    expect(((await refusal(() => recordProviderPayment(stranger))) as Refused).reason).toBe(
      'unknown_reference',
    )
    expect(await state(c.id)).toEqual(before)
  })

  it('believes the provider, not the notification: the route asks the provider', async () => {
    const c = await unpaidCase()
    const pending = await paidAtProvider(c, { status: 'pending' })
    const post = (body: unknown) =>
      notify(
        setCurrentRequest(
          new NextRequest('http://localhost:3000/api/v1/payments/notifications', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'accept-language': 'en' },
            body: JSON.stringify(body),
          }),
        ),
      )
    // The body claims the payment is paid for the full amount; the provider says pending.
    const claimed = await post({ paymentId: pending, status: 'paid', amount: 100_000 })
    expect(claimed.status).toBe(200)
    expect(await claimed.json()).toEqual({ outcome: 'not_paid' })
    expect((await state(c.id)).paid).toBe(false)
    // An id the provider does not know: nothing recorded, no 500.
    expect((await post({ paymentId: 'made-up' })).status).toBe(409)
    expect((await post({ paymentId: '' })).status).toBe(400)
    const paid = await post({ paymentId: await paidAtProvider(c) })
    expect(await paid.json()).toEqual({ outcome: 'recorded' })
    expect((await state(c.id)).paid).toBe(true)
  })

  it('without a provider configured, nothing is recorded or offered online', async () => {
    delete process.env.PAYMENT_PROVIDER_URL
    const c = await unpaidCase()
    expect(((await refusal(() => recordProviderPayment('any'))) as Refused).reason).toBe(
      'online_unavailable',
    )
    await actAs(c.email)
    const progress = await getMyApplicationProgress(c.id)
    expect(progress.fees).toMatchObject({ online: false, payable: true, totalKurus: 100_000 })
    expect(((await refusal(() => startOnlinePayment(c.id, opts))) as Refused).reason).toBe(
      'online_unavailable',
    )
  })
})

const opts = { locale: 'en' as const, origin: 'https://portal.test' }

describe('the applicant paying online', () => {
  it('opens a payment for the reference and the amount due, read from the database', async () => {
    const c = await unpaidCase()
    await actAs(c.email)
    const progress = await getMyApplicationProgress(c.id)
    expect(progress.fees).toMatchObject({
      accrualReference: await referenceOf(c.id),
      lines: [
        { code: 'card', kurus: 40_000 },
        { code: 'permit', kurus: 60_000 },
      ],
      totalKurus: 100_000,
      paid: null,
      payable: true,
      online: true,
    })
    const { redirectUrl } = await startOnlinePayment(c.id, opts)
    expect(redirectUrl).toMatch(/^https:\/\/pay\.test\/checkout\//)
    expect(created.at(-1)).toEqual({
      reference: await referenceOf(c.id),
      amount: 100_000,
      currency: 'TRY',
      returnUrl: `https://portal.test/en/applications/${c.id}/status?done=payment`,
      notifyUrl: 'https://portal.test/api/v1/payments/notifications',
    })
  })

  it("never shows or opens another applicant's payment", async () => {
    const mine = await unpaidCase()
    const theirs = await unpaidCase()
    await recordProviderPayment(await paidAtProvider(theirs))
    await actAs(mine.email)
    const calls = created.length
    for (const work of [
      () => getMyApplicationProgress(theirs.id),
      () => startOnlinePayment(theirs.id, opts),
    ]) {
      const error = await refusal(work)
      expect(error).toBeInstanceOf(AccessDenied)
      expect((error as AccessDenied).reason).toBe('not_found')
    }
    expect(created.length).toBe(calls)
    expect((await getMyApplicationProgress(mine.id)).fees?.paid).toBeNull()
  })

  it('offers nothing to pay once the fees are paid', async () => {
    const c = await unpaidCase()
    await recordProviderPayment(await paidAtProvider(c))
    await actAs(c.email)
    const progress = await getMyApplicationProgress(c.id)
    expect(progress.fees).toMatchObject({ payable: false, paid: { method: 'online' } })
    expect(progress.timeline.map((s) => s.reasonCode)).toContain('fees_paid')
    expect(((await refusal(() => startOnlinePayment(c.id, opts))) as Refused).reason).toBe(
      'not_payable',
    )
  })
})

describe('the counter recording a receipt', () => {
  const record = async (c: TestCase, amountKurus: number, receiptNumber = 'DEK-2026-0001') =>
    recordCounterPayment({
      applicationId: c.id,
      expectedVersion: await caseVersion(c.id),
      receiptNumber,
      amountKurus,
    })

  it('records the exact amount due once, audited with the receipt', async () => {
    const c = await unpaidCase()
    await actAs(CASEWORKER)
    const before = await state(c.id)
    const wrong = await refusal(() => record(c, 90_000))
    expect((wrong as Refused).reason).toBe('payment_amount_mismatch')
    expect(await state(c.id)).toEqual(before)

    await record(c, 100_000)
    const after = await state(c.id)
    expect(after.payments).toMatchObject([
      { method: 'counter', amountKurus: 100_000, receiptNumber: 'DEK-2026-0001' },
    ])
    expect(after.feesPaidEvents).toHaveLength(1)
    const db = await getDb()
    const mine = (await db.select().from(auditEvents).where(eq(auditEvents.entityId, c.id))).find(
      (a) => a.action === 'case.record_payment',
    )
    expect(mine?.details).toMatchObject({ receiptNumber: 'DEK-2026-0001', amountKurus: 100_000 })

    const twice = await refusal(() => record(c, 100_000, 'DEK-2026-0002'))
    expect((twice as Refused).reason).toBe('not_allowed_now')
    expect((await state(c.id)).payments).toHaveLength(1)
  })

  it('is refused to another directorate (404) and to a role without the permission (403)', async () => {
    const c = await unpaidCase()
    const before = await state(c.id)
    await actAs(ANKARA_CASEWORKER)
    expect(((await refusal(() => record(c, 100_000))) as AccessDenied).reason).toBe('not_found')
    await actAs(ADMIN)
    expect(((await refusal(() => record(c, 100_000))) as AccessDenied).reason).toBe('forbidden')
    await actAs(c.email)
    expect(await refusal(() => record(c, 100_000))).toBeInstanceOf(AccessDenied)
    expect(await state(c.id)).toEqual(before)
  })
})
