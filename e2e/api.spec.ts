import { randomUUID } from 'node:crypto'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'
import { DOCUMENT_CODES } from '../lib/domain/permits/documents'
import { COMPLETE_ANSWERS } from '../lib/server/testing/application-fixtures'
import enApi from '../locales/en/api.json' with { type: 'json' }
import { inDays } from './support/forms'
import { signInWithCode } from './support/sign-in'

// The JSON API with the browser's own session: what a script does after signing in.

const headers = { 'accept-language': 'en' }

async function files() {
  const doc = await PDFDocument.create()
  doc.addPage([595, 842]).drawText('Scan')
  return {
    pdf: Buffer.from(await doc.save({ useObjectStreams: false })),
    photo: await sharp({ create: { width: 600, height: 780, channels: 3, background: '#eee' } })
      .jpeg()
      .toBuffer(),
  }
}

/** A file for every item this application's checklist has; the others answer unknown_item. */
async function uploadDocuments(api: APIRequestContext, id: string) {
  const { pdf, photo } = await files()
  for (const code of DOCUMENT_CODES) {
    const isPhoto = code === 'biometric_photo'
    const res = await api.post(`/api/v1/applications/${id}/documents?item=${code}`, {
      headers: { 'content-type': isPhoto ? 'image/jpeg' : 'application/pdf' },
      data: isPhoto ? photo : pdf,
    })
    expect([201, 400], `${code}: ${await res.text()}`).toContain(res.status())
  }
}

test('a script with the browser session starts and sends an application; another applicant gets 404', async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  await signInWithCode(page, `api.${Date.now()}@example.org`)
  await expect(page).not.toHaveURL(/sign-in/)
  const api = page.request

  const started = await api.post('/api/v1/applications', {
    headers,
    data: { kind: 'first', permitType: 'short_term', legalStayUntil: inDays(40) },
  })
  expect(started.status()).toBe(201)
  const { id } = (await started.json()) as { id: string }

  for (const [section, values] of Object.entries(COMPLETE_ANSWERS)) {
    const res = await api.put(`/api/v1/applications/${id}/sections/${section}`, {
      headers,
      data: values,
    })
    expect(res.status(), `${section}: ${await res.text()}`).toBe(200)
  }
  await uploadDocuments(api, id)

  // A page on another site cannot use the cookie to send it.
  const forged = await api.post(`/api/v1/applications/${id}/submit`, {
    headers: { ...headers, origin: 'https://evil.example', 'idempotency-key': randomUUID() },
  })
  expect(forged.status()).toBe(403)
  expect((await forged.json()).error.message).toBe(enApi.errors.cross_site_request)

  const key = randomUUID()
  const sent = await api.post(`/api/v1/applications/${id}/submit`, {
    headers: { ...headers, 'idempotency-key': key },
  })
  expect(sent.status(), await sent.text()).toBe(200)
  const answer = await sent.json()
  expect(answer).toEqual({
    id,
    reference: expect.stringMatching(/^[2-9A-Y]{4}-[2-9A-Y]{4}-[2-9A-Y]{2}$/),
  })
  const retried = await api.post(`/api/v1/applications/${id}/submit`, {
    headers: { ...headers, 'idempotency-key': key },
  })
  expect(retried.status()).toBe(200)
  expect(await retried.json()).toEqual(answer)
  const mine = await (await api.get('/api/v1/applications')).json()
  expect(mine.applications).toHaveLength(1)
  expect(mine.applications[0]).toMatchObject({ id, status: 'awaiting_appointment' })

  // The same session token works for a script as a bearer token, without the cookie.
  const cookie = (await page.context().cookies()).find((c) => /ikamet\.session$/.test(c.name))
  expect(cookie).toBeDefined()
  const script = await playwright.request.newContext({ baseURL })
  const viaBearer = await script.get(`/api/v1/applications/${id}`, {
    headers: { authorization: `Bearer ${cookie!.value}` },
  })
  expect(viaBearer.status()).toBe(200)
  expect((await script.get(`/api/v1/applications/${id}`)).status()).toBe(401)
  await script.dispose()

  const other = await browser.newContext()
  const otherPage = await other.newPage()
  await signInWithCode(otherPage, `api.other.${Date.now()}@example.org`)
  await expect(otherPage).not.toHaveURL(/sign-in/)
  const intruder = otherPage.request
  const attempts = [
    await intruder.get(`/api/v1/applications/${id}`, { headers }),
    await intruder.put(`/api/v1/applications/${id}/sections/permit`, {
      headers,
      data: COMPLETE_ANSWERS.permit,
    }),
    await intruder.post(`/api/v1/applications/${id}/submit`, {
      headers: { ...headers, 'idempotency-key': randomUUID() },
    }),
  ]
  for (const res of attempts) {
    expect(res.status()).toBe(404)
    expect(await res.json()).toEqual({
      error: { code: 'not_found', message: enApi.errors.not_found },
    })
  }
  expect((await (await intruder.get('/api/v1/applications')).json()).applications).toEqual([])
  await other.close()

  const after = await (await api.get(`/api/v1/applications/${id}`)).json()
  expect(after).toMatchObject({
    status: 'awaiting_appointment',
    requestedMonths: Number(COMPLETE_ANSWERS.permit!.requestedMonths),
  })
})

test('the OpenAPI document is served', async ({ request }) => {
  const res = await request.get('/api/v1/openapi.json')
  expect(res.status()).toBe(200)
  const doc = await res.json()
  expect(doc.openapi).toMatch(/^3\.1\./)
  expect(Object.keys(doc.paths)).toContain('/applications/{id}/submit')
})
