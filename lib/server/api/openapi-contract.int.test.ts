import '../testing/request-scope-mocks'
import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { NextRequest } from 'next/server'
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'
import { eq } from 'drizzle-orm'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as getCalendar } from '@/app/api/v1/applications/[id]/appointment/calendar/route'
import { POST as postCancel } from '@/app/api/v1/applications/[id]/appointment/cancel/route'
import { POST as postConfirm } from '@/app/api/v1/applications/[id]/appointment/confirm/route'
import { POST as postHold } from '@/app/api/v1/applications/[id]/appointment/hold/route'
import { POST as postReschedule } from '@/app/api/v1/applications/[id]/appointment/reschedule/route'
import { GET as getAppointment } from '@/app/api/v1/applications/[id]/appointment/route'
import { GET as getSlots } from '@/app/api/v1/applications/[id]/appointment/slots/route'
import {
  DELETE as deleteDocument,
  GET as getDocument,
} from '@/app/api/v1/applications/[id]/documents/[documentId]/route'
import { POST as postDocument } from '@/app/api/v1/applications/[id]/documents/route'
import { GET as getApplication } from '@/app/api/v1/applications/[id]/route'
import { PUT as putSection } from '@/app/api/v1/applications/[id]/sections/[section]/route'
import { POST as postSubmit } from '@/app/api/v1/applications/[id]/submit/route'
import { GET as getApplications, POST as postApplication } from '@/app/api/v1/applications/route'
import { GET as getOpenApi } from '@/app/api/v1/openapi.json/route'
import { POST as postPaymentNotification } from '@/app/api/v1/payments/notifications/route'
import { POST as postPermitClaim } from '@/app/api/v1/permit-claims/route'
import { GET as getPermits } from '@/app/api/v1/permits/route'
import { GET as getCaseDocument } from '@/app/api/v1/staff/cases/[id]/documents/[documentId]/route'
import { GET as getQueue } from '@/app/api/v1/staff/cases/route'
import { POST as postChangeLink } from '@/app/api/v1/staff/call-centre/change-links/route'
import { POST as postResend } from '@/app/api/v1/staff/call-centre/resends/route'
import { POST as postCallerLookup } from '@/app/api/v1/staff/status-lookups/route'
import { POST as postStatusLookup } from '@/app/api/v1/status-lookups/route'
import { getDb } from '@/db'
import { applications } from '@/db/schema'
import { MAX_PHOTO_BYTES } from '@/lib/domain/uploads'
import { getMyDocuments } from '../documents/checklist'
import { COMPLETE_ANSWERS, inDays, testEmail } from '../testing/application-fixtures'
import { actAs } from '../testing/as-user'
import { createBookableApplications, createTestSlots } from '../testing/booking-fixtures'
import { createCase } from '../testing/case-fixtures'
import { createConfirmedAppointment, createCounterOffice } from '../testing/counter-fixtures'
import { createUnclaimedPermit } from '../testing/permit-fixtures'
import { uploadDocumentFor } from '../testing/attach-documents'
import { openApiContract } from '../testing/openapi-contract'
import { setCurrentRequest } from '../testing/request-context'
import { openApiDocument } from './openapi'
import { REFERENCE_FAILURE_LIMIT } from '../applications/status-lookup-statement'

// Every operation of /api/v1/openapi.json, called for real through its route handler, with
// each answer checked against the schema the document gives for its status and media type.
// The last test fails when an operation of the document was not exercised, so the document
// and the handlers cannot drift apart unnoticed.

const contract = openApiContract(openApiDocument())
const BASE = 'http://localhost:3000/api/v1'

type Options = {
  body?: unknown
  headers?: Record<string, string>
  cookie?: boolean
  /** Sent as a browser on another site would, with the cookie. */
  crossSite?: boolean
}

function request(method: string, url: string, o: Options = {}) {
  const h = new Headers({ 'accept-language': 'en', ...o.headers })
  if (o.cookie !== false) h.set('cookie', 'ikamet.session=from-the-browser')
  if (o.crossSite) {
    h.set('origin', 'https://evil.example')
    h.set('sec-fetch-site', 'cross-site')
  }
  if (o.body !== undefined && !h.has('content-type')) h.set('content-type', 'application/json')
  const body =
    o.body instanceof Uint8Array
      ? new Blob([o.body as Uint8Array<ArrayBuffer>])
      : typeof o.body === 'string' || o.body === undefined
        ? o.body
        : JSON.stringify(o.body)
  return setCurrentRequest(new NextRequest(`${BASE}${url}`, { method, headers: h, body }))
}

const ctx = <T extends Record<string, string>>(params: T) => ({ params: Promise.resolve(params) })
const key = () => ({ 'idempotency-key': randomUUID() })

/** Calls one operation and checks its answer against the document; returns status and body. */
async function call(operationId: string, response: Promise<Response> | Response) {
  const res = await response
  const status = res.status
  return { status, body: (await contract.check(operationId, res)) as { id: string } }
}

// One entry per operation of the document: how to call it.
const op = {
  listMyApplications: (o?: Options) =>
    call('listMyApplications', getApplications(request('GET', '/applications', o))),
  startApplication: (body: unknown, o?: Options) =>
    call('startApplication', postApplication(request('POST', '/applications', { ...o, body }))),
  getMyApplication: (id: string, o?: Options) =>
    call('getMyApplication', getApplication(request('GET', `/applications/${id}`, o), ctx({ id }))),
  saveSection: (id: string, section: string, body: unknown, o?: Options) =>
    call(
      'saveSection',
      putSection(
        request('PUT', `/applications/${id}/sections/${section}`, { ...o, body }),
        ctx({ id, section }),
      ),
    ),
  submitApplication: (id: string, o: Options = {}) =>
    call(
      'submitApplication',
      postSubmit(request('POST', `/applications/${id}/submit`, o), ctx({ id })),
    ),
  listMyPermits: (o?: Options) =>
    call('listMyPermits', getPermits(request('GET', '/permits', o), ctx({}))),
  claimPermit: (body: unknown, o?: Options) =>
    call(
      'claimPermit',
      postPermitClaim(request('POST', '/permit-claims', { ...o, body }), ctx({})),
    ),
  uploadDocument: (id: string, item: string, file: Uint8Array, type: string, o?: Options) =>
    call(
      'uploadDocument',
      postDocument(
        request('POST', `/applications/${id}/documents?item=${item}`, {
          ...o,
          body: file,
          headers: { 'content-type': type, ...o?.headers },
        }),
        ctx({ id }),
      ),
    ),
  downloadDocument: (id: string, documentId: string, o?: Options) =>
    call(
      'downloadDocument',
      getDocument(
        request('GET', `/applications/${id}/documents/${documentId}`, o),
        ctx({ id, documentId }),
      ),
    ),
  deleteDocument: (id: string, documentId: string, o?: Options) =>
    call(
      'deleteDocument',
      deleteDocument(
        request('DELETE', `/applications/${id}/documents/${documentId}`, o),
        ctx({ id, documentId }),
      ),
    ),
  getMyAppointment: (id: string, o?: Options) =>
    call(
      'getMyAppointment',
      getAppointment(request('GET', `/applications/${id}/appointment`, o), ctx({ id })),
    ),
  listFreeSlots: (id: string, query = '', o?: Options) =>
    call(
      'listFreeSlots',
      getSlots(request('GET', `/applications/${id}/appointment/slots${query}`, o), ctx({ id })),
    ),
  getAppointmentCalendarFile: (id: string, o?: Options) =>
    call(
      'getAppointmentCalendarFile',
      getCalendar(request('GET', `/applications/${id}/appointment/calendar`, o), ctx({ id })),
    ),
  listQueueCases: (query = '', o?: Options) =>
    call('listQueueCases', getQueue(request('GET', `/staff/cases${query}`, o), ctx({}))),
  getCaseDocument: (id: string, documentId: string, o?: Options) =>
    call(
      'getCaseDocument',
      getCaseDocument(
        request('GET', `/staff/cases/${id}/documents/${documentId}`, o),
        ctx({ id, documentId }),
      ),
    ),
  lookUpApplicationStatus: (body: unknown, address: string, o?: Options) =>
    call(
      'lookUpApplicationStatus',
      postStatusLookup(
        request('POST', '/status-lookups', {
          cookie: false,
          ...o,
          body,
          headers: { 'x-forwarded-for': address, ...o?.headers },
        }),
        ctx({}),
      ),
    ),
  lookUpCaller: (body: unknown, o?: Options) =>
    call(
      'lookUpCaller',
      postCallerLookup(request('POST', '/staff/status-lookups', { ...o, body }), ctx({})),
    ),
  resendLastNotification: (body: unknown, o?: Options) =>
    call(
      'resendLastNotification',
      postResend(request('POST', '/staff/call-centre/resends', { ...o, body }), ctx({})),
    ),
  sendAppointmentChangeLink: (body: unknown, o?: Options) =>
    call(
      'sendAppointmentChangeLink',
      postChangeLink(request('POST', '/staff/call-centre/change-links', { ...o, body }), ctx({})),
    ),
  notifyPayment: (body: unknown, o?: Options) =>
    call(
      'notifyPayment',
      postPaymentNotification(
        request('POST', '/payments/notifications', { cookie: false, ...o, body }),
        ctx({}),
      ),
    ),
  getOpenApiDocument: () =>
    call('getOpenApiDocument', getOpenApi(request('GET', '/openapi.json', { cookie: false }))),
}

const BOOKING = {
  holdSlot: ['hold', postHold],
  confirmAppointment: ['confirm', postConfirm],
  rescheduleAppointment: ['reschedule', postReschedule],
  cancelAppointment: ['cancel', postCancel],
} as const

/** One of the four booking operations, with a new Idempotency-Key unless told otherwise. */
function booking(operationId: keyof typeof BOOKING, id: string, body?: unknown, o: Options = {}) {
  const [step, handler] = BOOKING[operationId]
  const url = `/applications/${id}/appointment/${step}`
  return call(
    operationId,
    handler(request('POST', url, { ...o, body, headers: { ...key(), ...o.headers } }), ctx({ id })),
  )
}

const previousUploadDir = process.env.UPLOAD_DIR
beforeAll(() => {
  process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), 'ikamet-contract-uploads-'))
})
afterAll(() => {
  process.env.UPLOAD_DIR = previousUploadDir
})

const photo = (width = 600, height = 780) =>
  sharp({ create: { width, height, channels: 3, background: '#e8e4dc' } })
    .jpeg()
    .toBuffer()
    .then((b) => new Uint8Array(b))
async function scan(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.addPage([595, 842]).drawText('Scan')
  return doc.save({ useObjectStreams: false })
}

describe('every operation of the OpenAPI document answers as documented', () => {
  it('without a session: 401 everywhere but the document itself', async () => {
    await actAs(null)
    const id = randomUUID()
    const none = { cookie: false }
    const answers = [
      await op.listMyApplications(none),
      await op.startApplication({ kind: 'first' }, none),
      await op.getMyApplication(id, none),
      await op.saveSection(id, 'permit', COMPLETE_ANSWERS.permit, none),
      await op.submitApplication(id, { ...none, headers: key() }),
      await op.listMyPermits(none),
      await op.claimPermit({}, none),
      await op.uploadDocument(id, 'passport_copy', await scan(), 'application/pdf', none),
      await op.downloadDocument(id, randomUUID(), none),
      await op.deleteDocument(id, randomUUID(), none),
      await op.getMyAppointment(id, none),
      await op.listFreeSlots(id, '', none),
      await op.getAppointmentCalendarFile(id, none),
      await booking('holdSlot', id, { slotId: randomUUID() }, none),
      await booking('confirmAppointment', id, {}, none),
      await booking('rescheduleAppointment', id, { slotId: randomUUID() }, none),
      await booking('cancelAppointment', id, {}, none),
    ]
    for (const answer of answers) expect(answer.status).toBe(401)
    expect((await op.getOpenApiDocument()).status).toBe(200)
  })

  it('applications, sections, documents and submission', async () => {
    await actAs(testEmail('contract'))
    expect((await op.listMyApplications()).status).toBe(200)
    expect((await op.listMyPermits()).status).toBe(200)

    const first = { kind: 'first', permitType: 'short_term', legalStayUntil: inDays(30) }
    const started = await op.startApplication(first)
    expect(started.status).toBe(201)
    const id = started.body.id
    expect((await op.startApplication({ ...first, status: 'approved' })).status).toBe(400)
    expect((await op.startApplication({ ...first, legalStayUntil: inDays(-1) })).status).toBe(422)
    expect((await op.startApplication(first, { crossSite: true })).status).toBe(403)
    const asText = { headers: { 'content-type': 'text/plain' } }
    expect((await op.startApplication(JSON.stringify(first), asText)).status).toBe(415)
    const huge = { ...first, note: 'x'.repeat(70_000) }
    expect((await op.startApplication(huge)).status).toBe(413)

    expect((await op.getMyApplication(id)).status).toBe(200)
    expect((await op.getMyApplication(randomUUID())).status).toBe(404)

    expect((await op.saveSection(id, 'permit', { requestedMonths: 12 })).status).toBe(400)
    expect((await op.saveSection(id, 'nope', {})).status).toBe(404)
    expect(
      (await op.saveSection(id, 'permit', COMPLETE_ANSWERS.permit, { crossSite: true })).status,
    ).toBe(403)
    expect((await op.submitApplication(id)).status).toBe(400) // no Idempotency-Key
    expect((await op.submitApplication(id, { headers: key() })).status).toBe(422)
    for (const [section, values] of Object.entries(COMPLETE_ANSWERS))
      expect((await op.saveSection(id, section, values)).status, section).toBe(200)

    // Documents: every refusal the upload takes, then one file per required item.
    const pdf = await scan()
    expect((await op.uploadDocument(id, 'no_such_item', pdf, 'application/pdf')).status).toBe(400)
    const text = new TextEncoder().encode('plain text')
    expect((await op.uploadDocument(id, 'passport_copy', text, 'text/plain')).status).toBe(415)
    const tiny = await photo(120, 160)
    expect((await op.uploadDocument(id, 'biometric_photo', tiny, 'image/jpeg')).status).toBe(422)
    const tooLarge = new Uint8Array(MAX_PHOTO_BYTES + 1)
    expect((await op.uploadDocument(id, 'biometric_photo', tooLarge, 'image/jpeg')).status).toBe(
      413,
    )
    const crossSite = { crossSite: true }
    expect(
      (await op.uploadDocument(id, 'passport_copy', pdf, 'application/pdf', crossSite)).status,
    ).toBe(403)
    expect(
      (await op.uploadDocument(randomUUID(), 'passport_copy', pdf, 'application/pdf')).status,
    ).toBe(404)
    const { items } = await getMyDocuments(id)
    const uploaded: string[] = []
    for (const item of items.filter((i) => !i.optional)) {
      const isPhoto = item.accepts.includes('photo')
      const answer = await op.uploadDocument(
        id,
        item.code,
        isPhoto ? await photo() : pdf,
        isPhoto ? 'image/jpeg' : 'application/pdf',
      )
      expect(answer.status, item.code).toBe(201)
      uploaded.push(answer.body.id)
    }
    const extra = await op.uploadDocument(id, 'passport_copy', pdf, 'application/pdf')
    expect(extra.status).toBe(201)

    expect((await op.downloadDocument(id, extra.body.id)).status).toBe(200)
    expect((await op.downloadDocument(id, randomUUID())).status).toBe(404)
    expect((await op.deleteDocument(id, extra.body.id, { crossSite: true })).status).toBe(403)
    expect((await op.deleteDocument(id, extra.body.id)).status).toBe(204)
    expect((await op.deleteDocument(id, extra.body.id)).status).toBe(404)

    const sent = await op.submitApplication(id, { headers: key() })
    expect(sent.status).toBe(200)
    // Once sent: nothing can change any more.
    expect((await op.submitApplication(id, { headers: key() })).status).toBe(409)
    expect((await op.saveSection(id, 'permit', COMPLETE_ANSWERS.permit)).status).toBe(409)
    expect((await op.uploadDocument(id, 'passport_copy', pdf, 'application/pdf')).status).toBe(409)
    expect((await op.deleteDocument(id, uploaded[0]!)).status).toBe(409)
  })

  it('appointments: slots, hold, confirm, calendar, reschedule and cancel', async () => {
    const [person] = await createBookableApplications(1, 35)
    await actAs(`booker.${person!.userId}@example.org`)
    const id = person!.applicationId
    const slots = await createTestSlots({ provinceCode: 35, capacity: 1, count: 3 })

    expect((await op.getMyAppointment(id)).status).toBe(404)
    expect((await op.getAppointmentCalendarFile(id)).status).toBe(404)
    expect((await op.listFreeSlots(id)).status).toBe(200)
    expect((await op.listFreeSlots(id, '?from=2026-13-45')).status).toBe(400)
    expect((await op.listFreeSlots(randomUUID())).status).toBe(404)

    expect((await booking('confirmAppointment', id, {})).status).toBe(409) // nothing held
    expect((await booking('holdSlot', id, {})).status).toBe(400)
    expect((await booking('holdSlot', id, { slotId: slots[0] }, { crossSite: true })).status).toBe(
      403,
    )
    expect((await booking('holdSlot', id, { slotId: slots[0] })).status).toBe(200)
    expect((await op.getMyAppointment(id)).status).toBe(200)
    expect((await booking('confirmAppointment', id, { extra: 1 })).status).toBe(400)
    expect((await booking('confirmAppointment', id, {})).status).toBe(200)
    expect((await op.getAppointmentCalendarFile(id)).status).toBe(200)

    expect((await booking('rescheduleAppointment', id, { slotId: slots[0] })).status).toBe(409)
    expect((await booking('rescheduleAppointment', id, { slotId: slots[1] })).status).toBe(200)
    expect((await booking('cancelAppointment', id, {}, { crossSite: true })).status).toBe(403)
    expect((await booking('cancelAppointment', id, {})).status).toBe(200)
    expect((await booking('cancelAppointment', id, {})).status).toBe(422)
  })

  it('permits: claim one issued before the account, then list it', async () => {
    await actAs(testEmail('contract-claim'))
    const { id, ...claim } = await createUnclaimedPermit()
    expect((await op.claimPermit({ ...claim, cardSerial: 'x' })).status).toBe(400)
    expect((await op.claimPermit(claim, { crossSite: true })).status).toBe(403)
    expect((await op.claimPermit({ ...claim, birthDate: '1970-01-01' })).status).toBe(422)
    const claimed = await op.claimPermit(claim)
    expect(claimed.status).toBe(200)
    expect(claimed.body).toEqual({ permitId: id })
    const listed = (await op.listMyPermits()).body as unknown as { permits: { id: string }[] }
    expect(listed.permits.map((p) => p.id)).toEqual([id])
    for (let i = 0; i < 3; i++) await op.claimPermit({ ...claim, birthDate: '1970-01-01' })
    expect((await op.claimPermit(claim)).status).toBe(429)
  })

  it('staff: the work queue and a case document', async () => {
    await actAs(null)
    expect((await op.listQueueCases('', { cookie: false })).status).toBe(401)
    await actAs(testEmail('not-staff'))
    expect((await op.listQueueCases()).status).toBe(404)
    await actAs('agent.callcentre@example.org')
    expect((await op.listQueueCases()).status).toBe(403)
    await actAs('caseworker.istanbul@example.org')
    expect((await op.listQueueCases('?sort=deadline&status=under_review')).status).toBe(200)
    expect((await op.listQueueCases('?status=approvedd')).status).toBe(400)
    const c = await createCase(34)
    const documentId = await uploadDocumentFor(c.id, c.applicantId)
    expect((await op.getCaseDocument(c.id, documentId)).status).toBe(200)
    expect((await op.getCaseDocument(c.id, randomUUID())).status).toBe(404)
    await actAs('caseworker.ankara@example.org')
    expect((await op.getCaseDocument(c.id, documentId)).status).toBe(404)
  })

  it('the public status lookup: found, not found, bad input and the limit', async () => {
    await actAs(null)
    const c = await createCase(34)
    const db = await getDb()
    const [row] = await db
      .select({ reference: applications.reference })
      .from(applications)
      .where(eq(applications.id, c.id))
    const right = {
      reference: row!.reference,
      passportNumber: COMPLETE_ANSWERS.passport!.passportNumber,
      dateOfBirth: COMPLETE_ANSWERS.personal!.dateOfBirth,
    }
    const address = `203.0.113.${Math.floor(Math.random() * 250)}`
    expect((await op.lookUpApplicationStatus(right, address)).status).toBe(200)
    const wrong = { ...right, dateOfBirth: '1980-01-01' }
    expect((await op.lookUpApplicationStatus(wrong, address)).status).toBe(404)
    const bad = { ...right, reference: 'nope' }
    expect((await op.lookUpApplicationStatus(bad, address)).status).toBe(400)
    const asText = { headers: { 'content-type': 'text/plain' } }
    expect((await op.lookUpApplicationStatus(right, address, asText)).status).toBe(415)
    const fromElsewhere = { cookie: true, crossSite: true }
    expect((await op.lookUpApplicationStatus(right, address, fromElsewhere)).status).toBe(403)
    for (let i = 0; i < REFERENCE_FAILURE_LIMIT.limit - 1; i++)
      await op.lookUpApplicationStatus(wrong, `${address}.${i}`)
    expect((await op.lookUpApplicationStatus(wrong, address)).status).toBe(429)
  })

  describe('the payment notification', () => {
    // The payment provider, answered by msw: the route asks it before recording anything.
    const provider = setupServer()
    beforeAll(() => {
      provider.listen({ onUnhandledRequest: 'error' })
      process.env.PAYMENT_PROVIDER_URL = 'https://pay.test/api'
    })
    afterAll(() => {
      provider.close()
      delete process.env.PAYMENT_PROVIDER_URL
    })

    it('records what the provider confirms, and refuses the rest', async () => {
      await actAs(null)
      const c = await createCase(34, { status: 'awaiting_appointment', documentsReceived: false })
      const db = await getDb()
      const [row] = await db
        .select({ reference: applications.accrualReference })
        .from(applications)
        .where(eq(applications.id, c.id))
      const amounts: Record<string, number> = { 'pay-ok': 100_000, 'pay-short': 50_000 }
      provider.use(
        http.get('https://pay.test/api/payments/:id', ({ params }) =>
          HttpResponse.json({
            id: params.id,
            reference: row!.reference,
            amount: amounts[String(params.id)] ?? 0,
            currency: 'TRY',
            status: 'paid',
          }),
        ),
      )
      expect((await op.notifyPayment({ paymentId: 'pay-short' })).status).toBe(422)
      const first = await op.notifyPayment({ paymentId: 'pay-ok' })
      expect(first).toEqual({ status: 200, body: { outcome: 'recorded' } })
      const again = await op.notifyPayment({ paymentId: 'pay-ok' })
      expect(again).toEqual({ status: 200, body: { outcome: 'already_recorded' } })
      expect((await op.notifyPayment({ paymentId: 'no spaces' })).status).toBe(400)
      const asText = { headers: { 'content-type': 'text/plain' } }
      expect((await op.notifyPayment({ paymentId: 'pay-ok' }, asText)).status).toBe(415)
    })
  })

  it('the call-centre lookup: verified, not found, bad input and refusals', async () => {
    const c = await createCase(34)
    const db = await getDb()
    const [row] = await db
      .select({ reference: applications.reference })
      .from(applications)
      .where(eq(applications.id, c.id))
    const right = {
      reference: row!.reference,
      dateOfBirth: COMPLETE_ANSWERS.personal!.dateOfBirth,
      passportLastFour: COMPLETE_ANSWERS.passport!.passportNumber!.slice(-4),
      reason: 'status_question',
      speak: 'ru',
    }
    await actAs(null)
    expect((await op.lookUpCaller(right, { cookie: false })).status).toBe(401)
    await actAs(testEmail('not-staff'))
    expect((await op.lookUpCaller(right)).status).toBe(404)
    await actAs('caseworker.istanbul@example.org')
    expect((await op.lookUpCaller(right)).status).toBe(403)
    await actAs('agent.callcentre@example.org')
    const found = await op.lookUpCaller(right)
    expect(found.status).toBe(200)
    expect(JSON.stringify(found.body)).not.toContain(COMPLETE_ANSWERS.passport!.passportNumber)
    expect((await op.lookUpCaller({ ...right, passportLastFour: '0000' })).status).toBe(404)
    expect((await op.lookUpCaller({ ...right, reason: 'curious' })).status).toBe(400)
    const asText = { headers: { 'content-type': 'text/plain' } }
    expect((await op.lookUpCaller(right, asText)).status).toBe(415)
    expect((await op.lookUpCaller(right, { crossSite: true })).status).toBe(403)
  })

  it('the call-centre actions: only after this agent verified the caller, limited, no PII', async () => {
    const withAppointment = await createCase(34, { status: 'awaiting_appointment' })
    await createConfirmedAppointment({
      office: await createCounterOffice(34, 1),
      provinceCode: 34,
      startsAt: new Date(Date.now() + 5 * 86_400_000),
      passportNumber: COMPLETE_ANSWERS.passport!.passportNumber!,
      userId: withAppointment.applicantId,
      applicationId: withAppointment.id,
    })
    const quiet = await createCase(34)
    const db = await getDb()
    const referenceOf = async (id: string) =>
      (
        await db
          .select({ reference: applications.reference })
          .from(applications)
          .where(eq(applications.id, id))
      )[0]!.reference
    const verify = (reference: string) =>
      op.lookUpCaller({
        reference,
        dateOfBirth: COMPLETE_ANSWERS.personal!.dateOfBirth,
        passportLastFour: COMPLETE_ANSWERS.passport!.passportNumber!.slice(-4),
        reason: 'appointment_question',
      })
    const act = { reference: await referenceOf(withAppointment.id), reason: 'appointment_question' }
    const other = { reference: await referenceOf(quiet.id), reason: 'appointment_question' }
    await actAs(null)
    expect((await op.sendAppointmentChangeLink(act, { cookie: false })).status).toBe(401)
    await actAs(withAppointment.email)
    expect((await op.resendLastNotification(act)).status).toBe(404)
    await actAs('caseworker.istanbul@example.org')
    expect((await op.resendLastNotification(act)).status).toBe(403)
    await actAs('agent.callcentre@example.org')
    expect((await op.sendAppointmentChangeLink(act)).status).toBe(422)
    expect((await verify(act.reference)).status).toBe(200)
    const answers = [await op.sendAppointmentChangeLink(act), await op.resendLastNotification(act)]
    expect(answers.map((a) => [a.status, a.body])).toEqual([
      [202, { email: true, sms: false }],
      [202, { email: true, sms: false }],
    ])
    const json = JSON.stringify(answers)
    for (const hidden of [
      COMPLETE_ANSWERS.passport!.passportNumber!,
      COMPLETE_ANSWERS.personal!.dateOfBirth!,
      COMPLETE_ANSWERS.address!.street!,
      withAppointment.email,
      'photo',
    ])
      expect(json).not.toContain(hidden)
    expect((await op.resendLastNotification({ ...act, reason: 'curious' })).status).toBe(400)
    const asText = { headers: { 'content-type': 'text/plain' } }
    expect((await op.resendLastNotification(act, asText)).status).toBe(415)
    expect((await op.sendAppointmentChangeLink(act, { crossSite: true })).status).toBe(403)
    await op.sendAppointmentChangeLink(act)
    await op.sendAppointmentChangeLink(act)
    expect((await op.sendAppointmentChangeLink(act)).status).toBe(429)
    expect((await verify(other.reference)).status).toBe(200)
    expect((await op.sendAppointmentChangeLink(other)).status).toBe(409)
    expect((await op.resendLastNotification(other)).status).toBe(409)
  })

  it('has exercised every operation of the document, with a success and a client error', () => {
    expect(contract.operationIds().sort()).toEqual(
      [...Object.keys(op), ...Object.keys(BOOKING)].sort(),
    )
    expect(contract.unexercised()).toEqual([])
  })
})
