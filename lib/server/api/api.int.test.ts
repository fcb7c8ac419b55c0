import '../testing/request-scope-mocks'
import { randomBytes, randomUUID } from 'node:crypto'
import { COMPLETE_ANSWERS, inDays, testEmail as email } from '../testing/application-fixtures'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { count, eq } from 'drizzle-orm'
import { NextRequest } from 'next/server'
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { POST as postDocument } from '@/app/api/v1/applications/[id]/documents/route'
import { GET as getApplication } from '@/app/api/v1/applications/[id]/route'
import { PUT as putSection } from '@/app/api/v1/applications/[id]/sections/[section]/route'
import { POST as postSubmit } from '@/app/api/v1/applications/[id]/submit/route'
import { GET as getApplications, POST as postApplication } from '@/app/api/v1/applications/route'
import { GET as getPermits } from '@/app/api/v1/permits/route'
import { getDb } from '@/db'
import {
  applicationEvents,
  applications,
  auditEvents,
  idempotencyKeys,
  outboxMessages,
  residencePermits,
} from '@/db/schema'
import {
  apiErrorSchema,
  applicationDetailSchema,
  applicationListSchema,
  applicationStartedSchema,
  applicationSubmittedSchema,
  permitListSchema,
} from '@/lib/schemas/api/responses'
import en from '@/locales/en/api.json'
import enApplication from '@/locales/en/application.json'
import enValidation from '@/locales/en/validation.json'
import trApplication from '@/locales/tr/application.json'
import { getMyDocuments } from '../documents/checklist'
import { actAs } from '../testing/as-user'
import { setCurrentRequest } from '../testing/request-context'
import { handleApi } from './respond'

const BASE = 'http://localhost:3000/api/v1'

type Options = { body?: unknown; headers?: Record<string, string>; cookie?: boolean }

/** A request as a browser with the session cookie (or a script, with `cookie: false`) sends it. */
function request(
  method: string,
  path: string,
  { body, headers = {}, cookie = true }: Options = {},
) {
  const h = new Headers({ 'accept-language': 'en', ...headers })
  if (cookie) h.set('cookie', 'ikamet.session=from-the-browser')
  if (body !== undefined && !h.has('content-type')) h.set('content-type', 'application/json')
  const raw: BodyInit | undefined =
    body instanceof Uint8Array
      ? new Blob([body as Uint8Array<ArrayBuffer>])
      : typeof body === 'string' || body === undefined
        ? body
        : JSON.stringify(body)
  return setCurrentRequest(new NextRequest(`${BASE}${path}`, { method, headers: h, body: raw }))
}

const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) })

const api = {
  list: (o?: Options) => getApplications(request('GET', '/applications', o)),
  start: (body: unknown, o?: Options) =>
    postApplication(request('POST', '/applications', { ...o, body })),
  get: (id: string, o?: Options) =>
    getApplication(request('GET', `/applications/${id}`, o), params({ id })),
  save: (id: string, section: string, body: unknown, o: Options & { query?: string } = {}) =>
    putSection(
      request('PUT', `/applications/${id}/sections/${section}${o.query ?? ''}`, { ...o, body }),
      params({ id, section }),
    ),
  submit: (id: string, key: string | null, o: Options = {}) =>
    postSubmit(
      request('POST', `/applications/${id}/submit`, {
        ...o,
        headers: { ...o.headers, ...(key ? { 'idempotency-key': key } : {}) },
      }),
      params({ id }),
    ),
  permits: (o?: Options) => getPermits(request('GET', '/permits', o), params({})),
}

async function startDraft(o?: Options): Promise<string> {
  const res = await api.start(
    { kind: 'first', permitType: 'short_term', legalStayUntil: inDays(30) },
    o,
  )
  expect(res.status).toBe(201)
  return applicationStartedSchema.parse(await res.json()).id
}

// Uploaded files go to a folder of this run only.
const previousUploadDir = process.env.UPLOAD_DIR
beforeAll(() => {
  process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), 'ikamet-api-uploads-'))
})
afterAll(() => {
  process.env.UPLOAD_DIR = previousUploadDir
})

const photo = () =>
  sharp({ create: { width: 600, height: 780, channels: 3, background: '#e8e4dc' } })
    .jpeg()
    .toBuffer()
async function scan(): Promise<Buffer> {
  const doc = await PDFDocument.create()
  doc.addPage([595, 842]).drawText('Scan')
  return Buffer.from(await doc.save({ useObjectStreams: false }))
}

/** One file per required checklist item, through the upload endpoint of the same API. */
async function uploadRequiredDocuments(id: string) {
  const { items } = await getMyDocuments(id)
  for (const item of items.filter((i) => !i.optional)) {
    const isPhoto = item.accepts.includes('photo')
    const res = await postDocument(
      request('POST', `/applications/${id}/documents?item=${item.code}`, {
        body: new Uint8Array(isPhoto ? await photo() : await scan()),
        headers: { 'content-type': isPhoto ? 'image/jpeg' : 'application/pdf' },
      }),
      params({ id }),
    )
    expect(res.status, item.code).toBe(201)
  }
}

async function completeDraft(id: string) {
  for (const [section, values] of Object.entries(COMPLETE_ANSWERS)) {
    const res = await api.save(id, section, values)
    expect(res.status, section).toBe(200)
  }
  await uploadRequiredDocuments(id)
}

/** Everything an API call could change: the application row and every table it writes to. */
async function databaseState(id?: string) {
  const db = await getDb()
  const counts = await Promise.all(
    [applications, applicationEvents, auditEvents, idempotencyKeys, outboxMessages].map(
      async (table) => (await db.select({ n: count() }).from(table))[0]!.n,
    ),
  )
  const [row] = id ? await db.select().from(applications).where(eq(applications.id, id)) : []
  return { counts, row }
}

async function error(res: Response) {
  return apiErrorSchema.parse(await res.json()).error
}

beforeEach(async () => {
  await actAs(null)
})

describe('the JSON API, as one applicant', () => {
  it('starts, saves each task, submits twice with one key and gets one application', async () => {
    await actAs(email('api'))
    expect(permitListSchema.parse(await (await api.permits()).json())).toEqual({ permits: [] })

    const started = await api.start({
      kind: 'first',
      permitType: 'short_term',
      legalStayUntil: inDays(30),
    })
    expect(started.status).toBe(201)
    const { id } = applicationStartedSchema.parse(await started.json())
    expect(started.headers.get('location')).toBe(`/api/v1/applications/${id}`)
    expect(started.headers.get('cache-control')).toBe('no-store')

    const draft = applicationDetailSchema.parse(await (await api.get(id)).json())
    expect(draft).toMatchObject({ id, kind: 'first', status: 'draft', submittedAt: null })
    expect(draft.tasks.every((t) => t.state === 'not_started')).toBe(true)

    // "Save and come back later" keeps the valid answers only.
    const partial = await api.save(
      id,
      'personal',
      { ...COMPLETE_ANSWERS.personal, phone: '12' },
      { query: '?partial=true' },
    )
    expect(partial.status).toBe(200)
    const afterPartial = applicationDetailSchema.parse(await (await api.get(id)).json())
    expect(afterPartial.formData.personal).toMatchObject({ givenNames: 'Jane' })
    expect(afterPartial.tasks[0]).toEqual({ key: 'personal', state: 'in_progress' })

    // A complete save of a wrong answer says which field and why, in English.
    const wrong = await api.save(id, 'personal', { ...COMPLETE_ANSWERS.personal, phone: '12' })
    expect(wrong.status).toBe(400)
    expect(await error(wrong)).toEqual({
      code: 'invalid_input',
      message: en.errors.invalid_input,
      fields: { phone: enValidation.phone.invalid },
    })

    await completeDraft(id)
    const complete = applicationDetailSchema.parse(await (await api.get(id)).json())
    expect(complete.tasks.every((t) => t.state === 'completed')).toBe(true)

    const key = randomUUID()
    // A double click: two requests with one key at the same time.
    const [first, twin] = await Promise.all([api.submit(id, key), api.submit(id, key)])
    expect([first.status, twin.status]).toEqual([200, 200])
    const sent = applicationSubmittedSchema.parse(await first.json())
    expect(sent).toEqual({ id, reference: draft.reference })
    expect(await twin.json()).toEqual(sent)
    const before = await databaseState(id)
    const again = await api.submit(id, key)
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual(sent)
    expect(await databaseState(id)).toEqual(before)

    const list = applicationListSchema.parse(await (await api.list()).json())
    expect(list.applications).toHaveLength(1)
    expect(list.applications[0]).toMatchObject({ id, status: 'awaiting_appointment' })

    // A new key for the same application: already sent. Saving again: not editable.
    const newKey = await api.submit(id, randomUUID())
    expect(newKey.status).toBe(409)
    expect(await error(newKey)).toMatchObject({
      code: 'already_submitted',
      message: enApplication.submitErrors.already_submitted,
    })
    const late = await api.save(id, 'permit', COMPLETE_ANSWERS.permit)
    expect(late.status).toBe(409)
    expect((await error(late)).code).toBe('not_editable')

    // The same key for another application is refused, and changes nothing.
    const other = await startDraft()
    await completeDraft(other)
    const reusedBefore = await databaseState(other)
    const reused = await api.submit(other, key)
    expect(reused.status).toBe(422)
    expect((await error(reused)).code).toBe('key_reused')
    expect(await databaseState(other)).toEqual(reusedBefore)
  })

  it('refuses by the rules with 422 and the reason, in the language asked for', async () => {
    await actAs(email('late'))
    const before = await databaseState()
    const late = await api.start({
      kind: 'first',
      permitType: 'short_term',
      legalStayUntil: inDays(-1),
    })
    expect(late.status).toBe(422)
    expect(await error(late)).toEqual({
      code: 'legal_stay_ended',
      message: enApplication.stop.reasons.legal_stay_ended,
    })
    const turkish = await api.start(
      { kind: 'first', permitType: 'short_term', legalStayUntil: inDays(-1) },
      { headers: { 'accept-language': 'de-DE,de;q=0.9' } },
    )
    expect(turkish.headers.get('content-language')).toBe('tr')
    expect((await error(turkish)).message).toBe(trApplication.stop.reasons.legal_stay_ended)
    expect(await databaseState()).toEqual(before)

    const id = await startDraft()
    const incomplete = await api.submit(id, randomUUID())
    expect(incomplete.status).toBe(422)
    expect((await error(incomplete)).code).toBe('tasks_incomplete')
  })

  it('answers an extension outside its window with 422 and the date it opens', async () => {
    const holder = await actAs(email('holder'))
    const db = await getDb()
    const permitId = randomUUID()
    await db.insert(residencePermits).values({
      id: permitId,
      holderId: holder!,
      permitTypeCode: 'short_term',
      purposeCode: 'tourism',
      documentNumber: `T-${randomBytes(5).toString('hex')}`,
      validFrom: inDays(-300),
      validUntil: inDays(90),
    })
    const permits = permitListSchema.parse(await (await api.permits()).json()).permits
    expect(permits.map((p) => p.id)).toEqual([permitId])
    const early = await api.start({ kind: 'extension', permitId })
    expect(early.status).toBe(422)
    const body = await error(early)
    expect(body.code).toBe('extension_too_early')
    expect(body.details?.date).toBe(inDays(30))
    expect(body.message).toContain(inDays(30))
  })
})

describe('the JSON API refuses bad input with 400 and changes nothing', () => {
  it('unknown fields, wrong types and a wrong kind', async () => {
    await actAs(email('strict'))
    const id = await startDraft()
    const before = await databaseState(id)

    const extra = await api.start({
      kind: 'first',
      permitType: 'short_term',
      legalStayUntil: inDays(30),
      status: 'approved',
    })
    expect(extra.status).toBe(400)
    expect(await error(extra)).toEqual({
      code: 'invalid_input',
      message: en.errors.invalid_input,
      fields: { status: en.fields.unknown },
    })
    const kind = await api.start({ kind: 'renewal' })
    expect((await error(kind)).fields).toEqual({ kind: en.fields.kind })
    const notObject = await api.start([1, 2])
    expect(notObject.status).toBe(400)

    const mass = await api.save(id, 'permit', { ...COMPLETE_ANSWERS.permit, status: 'approved' })
    expect(mass.status).toBe(400)
    expect((await error(mass)).fields).toEqual({ status: en.fields.unknown })
    // Partial saves drop wrong answers, but never take unknown fields.
    const massLater = await api.save(
      id,
      'permit',
      { requestedMonths: '3', directorateId: randomUUID() },
      { query: '?partial=true' },
    )
    expect(massLater.status).toBe(400)
    const number = await api.save(id, 'permit', { requestedMonths: 12 })
    expect((await error(number)).fields).toEqual({ requestedMonths: en.fields.string })
    const query = await api.save(id, 'permit', COMPLETE_ANSWERS.permit, { query: '?partial=yes' })
    expect((await error(query)).fields).toEqual({ partial: en.fields.partial })

    const badJson = await api.start('{"kind":')
    expect(badJson.status).toBe(400)
    expect((await error(badJson)).code).toBe('invalid_json')
    const form = await api.start('kind=first', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(form.status).toBe(415)
    const huge = await api.save(id, 'personal', { givenNames: 'x'.repeat(70_000) })
    expect(huge.status).toBe(413)
    expect((await error(huge)).code).toBe('body_too_large')
    const section = await api.save(id, 'status', {})
    expect(section.status).toBe(404)

    expect(await databaseState(id)).toEqual(before)
  })

  it('a missing or malformed Idempotency-Key', async () => {
    await actAs(email('key'))
    const id = await startDraft()
    await completeDraft(id)
    const before = await databaseState(id)
    for (const key of [null, 'not-a-uuid']) {
      const res = await api.submit(id, key)
      expect(res.status).toBe(400)
      expect(await error(res)).toEqual({
        code: 'invalid_input',
        message: en.errors.invalid_input,
        fields: { 'Idempotency-Key': en.fields.idempotencyKey },
      })
    }
    const withBody = await api.submit(id, randomUUID(), { body: { force: true } })
    expect(withBody.status).toBe(400)
    expect(await databaseState(id)).toEqual(before)
    expect(before.row?.status).toBe('draft')
  })
})

describe("another applicant's application", () => {
  it('answers 404 to reading, saving and submitting, and changes nothing', async () => {
    await actAs(email('owner'))
    const id = await startDraft()
    await completeDraft(id)
    const sentId = await startDraft()
    await completeDraft(sentId)
    expect((await api.submit(sentId, randomUUID())).status).toBe(200)

    await actAs(email('intruder'))
    for (const target of [id, sentId]) {
      const before = await databaseState(target)
      const answers = [
        await api.get(target),
        await api.save(target, 'permit', COMPLETE_ANSWERS.permit),
        await api.save(target, 'permit', COMPLETE_ANSWERS.permit, { query: '?partial=true' }),
        await api.submit(target, randomUUID()),
      ]
      for (const res of answers) {
        expect(res.status).toBe(404)
        expect(await error(res)).toEqual({ code: 'not_found', message: en.errors.not_found })
      }
      expect(await databaseState(target)).toEqual(before)
    }
    // The same answer as for an application that does not exist at all.
    const missing = await api.get(randomUUID())
    expect(missing.status).toBe(404)
    expect(await error(missing)).toEqual({ code: 'not_found', message: en.errors.not_found })
    expect(await (await api.get('../../etc/passwd')).json()).toEqual(
      await (await api.get(id)).json(),
    )
    expect(applicationListSchema.parse(await (await api.list()).json())).toEqual({
      applications: [],
    })
  })
})

describe('who may call', () => {
  it('answers 401 without a session, whatever the request holds', async () => {
    const before = await databaseState()
    const answers = [
      await api.list({ cookie: false }),
      await api.permits({ cookie: false }),
      await api.get(randomUUID(), { cookie: false }),
      await api.start({ kind: 'first', permitType: 'short_term', legalStayUntil: inDays(30) }),
      await api.start({ nonsense: true }),
      await api.save(randomUUID(), 'personal', { unknown: 'x' }),
      await api.save(randomUUID(), 'nope', {}),
      await api.submit(randomUUID(), null),
    ]
    for (const res of answers) {
      expect(res.status).toBe(401)
      expect(res.headers.get('www-authenticate')).toBe('Bearer')
      expect(await error(res)).toEqual({
        code: 'unauthenticated',
        message: en.errors.unauthenticated,
      })
    }
    expect(await databaseState()).toEqual(before)
  })

  it('refuses a cross-site request that carries the cookie session (NX-07), and changes nothing', async () => {
    await actAs(email('csrf'))
    const id = await startDraft()
    await completeDraft(id)
    const before = await databaseState(id)
    const evil = { origin: 'https://evil.example' }
    const answers = [
      await api.start(
        { kind: 'first', permitType: 'short_term', legalStayUntil: inDays(30) },
        { headers: evil },
      ),
      await api.start('{"kind":"first"}', { headers: { ...evil, 'content-type': 'text/plain' } }),
      await api.save(id, 'permit', COMPLETE_ANSWERS.permit, { headers: evil }),
      await api.submit(id, randomUUID(), { headers: { 'sec-fetch-site': 'cross-site' } }),
    ]
    for (const res of answers) {
      expect(res.status).toBe(403)
      expect((await error(res)).code).toBe('cross_site_request')
    }
    expect(await databaseState(id)).toEqual(before)

    // The portal's own pages may.
    const own = await api.save(id, 'permit', COMPLETE_ANSWERS.permit, {
      headers: { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' },
    })
    expect(own.status).toBe(200)
  })
})

describe('unexpected errors', () => {
  it('answer 500 in JSON, without the message or a stack', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const res = await handleApi(request('GET', '/applications'), async () => {
      throw new Error('relation "secret_table" does not exist, params: K1234567')
    })
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(text).not.toContain('secret_table')
    expect(text).not.toContain('K1234567')
    expect(text).not.toMatch(/at .*\.ts/)
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal_error', message: en.errors.internal_error },
    })
    expect(JSON.stringify(spy.mock.calls)).not.toContain('K1234567')
    spy.mockRestore()
  })
})
