import '../testing/request-scope-mocks'
import { mkdtempSync, readdirSync } from 'node:fs'
import { COMPLETE_ANSWERS, inDays, testEmail as email } from '../testing/application-fixtures'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { deflateSync } from 'node:zlib'
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { applicationDocuments, applications, auditEvents } from '@/db/schema'
import { POST } from '@/app/api/v1/applications/[id]/documents/route'
import { MAX_DOCUMENT_BYTES } from '@/lib/domain/uploads'
import enApplication from '@/locales/en/application.json'
import { AccessDenied } from '../actor'
import { saveSectionAnswers } from '../applications/save-section'
import { startFirstApplication } from '../applications/start-application'
import { submitApplication } from '../applications/submit-application'
import { actAs } from '../testing/as-user'
import { EICAR, startFakeClamd, unusedClamdUrl, type FakeClamd } from '../testing/fake-clamd'
import { compressedZeros, onePagePdf } from '../testing/pdf-fixtures'
import { getMyDocuments } from './checklist'
import { deleteMyDocument, readMyDocument } from './document-files'
import type { ReceivedFile } from './inspect-file'
import { receiveUpload, uploadMyDocument } from './upload-document'

// Uploads go to a folder of this run only, so the test can see exactly what was stored.
const uploadDir = mkdtempSync(path.join(tmpdir(), 'ikamet-uploads-'))
const previousUploadDir = process.env.UPLOAD_DIR
beforeAll(() => {
  process.env.UPLOAD_DIR = uploadDir
})
afterAll(() => {
  process.env.UPLOAD_DIR = previousUploadDir
})
const storedFiles = () =>
  readdirSync(uploadDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length

// --- fixtures, made here rather than committed ---
const canvas = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#e8e4dc' } })
const GPS_EXIF = {
  IFD0: { Make: 'LeakyCam', Model: 'Serial-0042', Orientation: '1' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '41/1 0/1 51/1', GPSLongitudeRef: 'E' },
}
const jpegWithGps = (w = 600, h = 780) => canvas(w, h).withExif(GPS_EXIF).jpeg().toBuffer()
const png = (w = 800, h = 1100) => canvas(w, h).png().toBuffer()
// Object streams by default, as most PDF writers do; the locked-PDF case needs a plain trailer.
async function pdf(pages: number, useObjectStreams = true): Promise<Buffer> {
  const doc = await PDFDocument.create()
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`Page ${i + 1}`)
  return Buffer.from(await doc.save({ useObjectStreams }))
}
const file = (bytes: Buffer, contentType: string, fileName: string): ReceivedFile => ({
  bytes,
  contentType,
  fileName,
})
const photoFile = async () => file(await jpegWithGps(), 'image/jpeg', 'me.jpg')
const pdfFile = async (pages = 2) => file(await pdf(pages), 'application/pdf', 'scan.pdf')

const REQUIRED = [
  'passport_copy',
  'biometric_photo',
  'health_insurance',
  'proof_of_address',
  'travel_plan',
]

async function newDraft(complete = false): Promise<string> {
  const started = await startFirstApplication({
    permitType: 'short_term',
    legalStayUntil: inDays(30),
  })
  if (!started.ok) throw new Error(started.reason)
  if (complete) {
    for (const [section, values] of Object.entries(COMPLETE_ANSWERS))
      expect(
        await saveSectionAnswers(started.id, section as 'personal', values, 'complete'),
      ).toEqual({ ok: true })
  }
  return started.id
}

async function documentRows(applicationId: string) {
  const db = await getDb()
  return db
    .select()
    .from(applicationDocuments)
    .where(eq(applicationDocuments.applicationId, applicationId))
}

async function uploaded(id: string, item: string, received: ReceivedFile) {
  const result = await uploadMyDocument(id, item, received)
  if (!result.ok) throw new Error(result.reason)
  return result.document
}

beforeEach(async () => {
  await actAs(null)
})

describe('document uploads', () => {
  it('stores a phone photo re-encoded, without its EXIF and GPS position', async () => {
    await actAs(email('photo'))
    const id = await newDraft()
    const original = await jpegWithGps()
    // The fixture really carries EXIF with a GPS block (tag 0x8825), or the test proves nothing.
    const exif = (await sharp(original).metadata()).exif!
    expect(
      exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25])),
    ).toBe(true)
    const doc = await uploaded(id, 'biometric_photo', file(original, 'image/jpeg', 'IMG_1.JPG'))
    expect(doc).toMatchObject({ contentType: 'image/jpeg', width: 600, height: 780 })
    const stored = await readMyDocument(id, doc.id)
    const meta = await sharp(stored.bytes).metadata()
    expect(meta.exif).toBeUndefined()
    expect(meta.xmp).toBeUndefined()
    expect(stored.bytes.includes('LeakyCam')).toBe(false)
    expect(stored.bytes.includes('Exif')).toBe(false)
    expect(stored.fileName).toMatch(/^[2-9A-Y-]+-biometric_photo\.jpg$/)
    const [row] = await documentRows(id)
    expect(row).toMatchObject({ checklistItem: 'biometric_photo', sizeBytes: stored.bytes.length })
    expect(row!.storageKey).toMatch(/^documents\/[0-9a-f-]{36}$/)
  })

  it('accepts a PNG scan and a PDF, and counts the pages', async () => {
    await actAs(email('scan'))
    const id = await newDraft()
    const image = await uploaded(id, 'passport_copy', file(await png(), 'image/png', 'p.png'))
    expect(image).toMatchObject({ contentType: 'image/jpeg', width: 800, height: 1100 })
    const doc = await uploaded(id, 'passport_copy', await pdfFile(3))
    expect(doc).toMatchObject({ contentType: 'application/pdf', pageCount: 3 })
    expect((await readMyDocument(id, doc.id)).bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const photo = await uploaded(id, 'biometric_photo', file(await png(450, 560), 'image/png', ''))
    expect(photo.contentType).toBe('image/jpeg')
  })

  it('refuses wrong types, wrong shapes, too many pages and broken or locked PDFs', async () => {
    await actAs(email('refuse'))
    const id = await newDraft()
    const refusal = async (item: string, received: ReceivedFile) =>
      uploadMyDocument(id, item, received)
    const pngBytes = await png()
    expect(
      await refusal('passport_copy', file(pngBytes, 'application/pdf', 'passport.pdf')),
    ).toEqual({ ok: false, reason: 'type_mismatch' })
    const html = Buffer.from('<!DOCTYPE html><html><script>alert(document.cookie)</script>')
    expect(await refusal('passport_copy', file(html, 'text/html', 'a.html'))).toEqual({
      ok: false,
      reason: 'type_not_allowed',
    })
    expect(await refusal('passport_copy', file(html, 'image/jpeg', 'a.jpg'))).toEqual({
      ok: false,
      reason: 'type_not_allowed',
    })
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    expect(await refusal('biometric_photo', file(svg, 'image/svg+xml', 'a.svg'))).toMatchObject({
      reason: 'type_not_allowed',
    })
    expect(await refusal('biometric_photo', await pdfFile())).toMatchObject({
      reason: 'type_not_allowed',
    })
    const landscape = file(await canvas(800, 600).jpeg().toBuffer(), 'image/jpeg', 'l.jpg')
    expect(await refusal('biometric_photo', landscape)).toMatchObject({
      reason: 'photo_not_portrait',
    })
    const tiny = file(await canvas(150, 200).jpeg().toBuffer(), 'image/jpeg', 't.jpg')
    expect(await refusal('biometric_photo', tiny)).toMatchObject({ reason: 'photo_too_small' })
    expect(await refusal('passport_copy', await pdfFile(11))).toMatchObject({
      reason: 'too_many_pages',
    })
    expect(await refusal('passport_copy', await pdfFile(10))).toMatchObject({ ok: true })
    const broken = file(
      Buffer.from('%PDF-1.7\nthis is not a PDF at all'),
      'application/pdf',
      'b.pdf',
    )
    expect(await refusal('passport_copy', broken)).toMatchObject({ reason: 'unreadable' })
    const locked = (await pdf(1, false))
      .toString('latin1')
      .replace('/Root', '/Encrypt << /Filter /Standard /V 1 /R 2 >>\n/Root')
    expect(
      await refusal(
        'passport_copy',
        file(Buffer.from(locked, 'latin1'), 'application/pdf', 'x.pdf'),
      ),
    ).toMatchObject({ reason: 'pdf_encrypted' })
    const corrupt = Buffer.from(pngBytes)
    corrupt.fill(0x41, 40, 400) // the header still says PNG, the pixels are garbage
    expect(await refusal('passport_copy', file(corrupt, 'image/png', 'c.png'))).toMatchObject({
      reason: 'unreadable',
    })
    expect(await refusal('nonsense', await pdfFile())).toEqual({
      ok: false,
      reason: 'unknown_item',
    })
    expect((await documentRows(id)).map((r) => r.pageCount)).toEqual([10])
  })

  it('refuses decompression bombs before decoding them', async () => {
    await actAs(email('bomb'))
    const id = await newDraft()
    // 56 megapixels of one colour: a small PNG that would need 170 MB to decode.
    const giant = await canvas(8000, 7000).png({ compressionLevel: 9 }).toBuffer()
    expect(giant.length).toBeLessThan(MAX_DOCUMENT_BYTES)
    expect(await uploadMyDocument(id, 'passport_copy', file(giant, 'image/png', 'g.png'))).toEqual({
      ok: false,
      reason: 'image_too_large',
    })
    // An object stream whose 200 KB inflate to 200 MB.
    const bomb = deflateSync(Buffer.alloc(200 * 1024 * 1024), { level: 9 })
    const pdfBomb = Buffer.concat([
      Buffer.from(
        `%PDF-1.7\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`,
        'latin1',
      ),
      bomb,
      Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'),
    ])
    expect(
      await uploadMyDocument(id, 'passport_copy', file(pdfBomb, 'application/pdf', 'b.pdf')),
    ).toEqual({ ok: false, reason: 'pdf_content_too_large' })
    expect(await documentRows(id)).toEqual([])
  })

  it('refuses an oversized body before reading it all, declared or streamed', async () => {
    await actAs(email('big'))
    const id = await newDraft()
    const url = `http://localhost/api/v1/applications/${id}/documents?item=passport_copy`
    const declared = new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', 'content-length': String(50 * 1024 * 1024) },
      body: 'x',
    })
    expect(await receiveUpload(declared, id, 'passport_copy')).toEqual({
      ok: false,
      reason: 'too_large',
      maxBytes: MAX_DOCUMENT_BYTES,
    })
    // No Content-Length: 1 MB chunks, up to 40 of them; reading must stop after the limit.
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        if (pulled > 40) controller.close()
        else controller.enqueue(new Uint8Array(1024 * 1024))
      },
    })
    const streamed = new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(await receiveUpload(streamed, id, 'passport_copy')).toEqual({
      ok: false,
      reason: 'too_large',
      maxBytes: MAX_DOCUMENT_BYTES,
    })
    expect(pulled).toBeLessThanOrEqual(12)
    const photo = await uploadMyDocument(
      id,
      'biometric_photo',
      file(
        Buffer.concat([await jpegWithGps(), Buffer.alloc(6 * 1024 * 1024)]),
        'image/jpeg',
        'a.jpg',
      ),
    )
    expect(photo).toEqual({ ok: false, reason: 'too_large' })
    expect(await documentRows(id)).toEqual([])
  })

  it('keeps to the number of files an item takes, and deletes', async () => {
    await actAs(email('count'))
    const id = await newDraft()
    const first = await uploaded(id, 'biometric_photo', await photoFile())
    const before = storedFiles()
    expect(await uploadMyDocument(id, 'biometric_photo', await photoFile())).toEqual({
      ok: false,
      reason: 'too_many_files',
    })
    expect(storedFiles()).toBe(before) // the refused file's bytes were removed again
    expect(await deleteMyDocument(id, first.id)).toEqual({ ok: true })
    expect(storedFiles()).toBe(before - 1)
    expect(await documentRows(id)).toEqual([])
    await expect(readMyDocument(id, first.id)).rejects.toEqual(new AccessDenied('not_found'))
    expect(await uploadMyDocument(id, 'biometric_photo', await photoFile())).toMatchObject({
      ok: true,
    })
  })

  it('lets the draft be sent only with every required document, then freezes them', async () => {
    await actAs(email('send'))
    const id = await newDraft(true)
    expect((await getMyDocuments(id)).state).toBe('not_started')
    expect(await submitApplication(id, randomUUID(), 'en')).toEqual({
      ok: false,
      reason: 'documents_missing',
    })
    const ids: string[] = []
    for (const item of REQUIRED)
      ids.push(
        (await uploaded(id, item, item === 'biometric_photo' ? await photoFile() : await pdfFile()))
          .id,
      )
    const docs = await getMyDocuments(id)
    expect(docs.state).toBe('completed')
    expect(docs.items.map((i) => [i.code, i.files.length, i.optional])).toEqual(
      REQUIRED.map((code) => [code, 1, false]),
    )
    expect(await submitApplication(id, randomUUID(), 'en')).toMatchObject({ ok: true })
    expect(await deleteMyDocument(id, ids[0]!)).toEqual({ ok: false, reason: 'not_editable' })
    expect(await uploadMyDocument(id, 'passport_copy', await pdfFile())).toEqual({
      ok: false,
      reason: 'not_editable',
    })
    expect((await readMyDocument(id, ids[0]!)).contentType).toBe('application/pdf')
    expect(await documentRows(id)).toHaveLength(REQUIRED.length)
  })

  it("answers 404 for another applicant's documents and changes nothing", async () => {
    await actAs(email('owner'))
    const id = await newDraft()
    const doc = await uploaded(id, 'passport_copy', await pdfFile())
    const db = await getDb()
    const [appBefore] = await db.select().from(applications).where(eq(applications.id, id))
    const rowsBefore = await documentRows(id)
    const filesBefore = storedFiles()

    await actAs(email('intruder'))
    const notFound = new AccessDenied('not_found')
    await expect(uploadMyDocument(id, 'passport_copy', await pdfFile())).rejects.toEqual(notFound)
    await expect(readMyDocument(id, doc.id)).rejects.toEqual(notFound)
    await expect(deleteMyDocument(id, doc.id)).rejects.toEqual(notFound)
    await expect(getMyDocuments(id)).rejects.toEqual(notFound)
    const request = new Request(`http://localhost/x?item=passport_copy`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: new Uint8Array(await pdf(1)),
    })
    await expect(receiveUpload(request, id, 'passport_copy')).rejects.toEqual(notFound)
    // The intruder's own draft does not open the owner's file either.
    const own = await newDraft()
    await expect(readMyDocument(own, doc.id)).rejects.toEqual(notFound)
    await expect(deleteMyDocument(own, doc.id)).rejects.toEqual(notFound)
    await expect(readMyDocument('not-a-uuid', doc.id)).rejects.toEqual(notFound)

    await actAs(null)
    await expect(readMyDocument(id, doc.id)).rejects.toEqual(new AccessDenied('unauthenticated'))

    const [appAfter] = await db.select().from(applications).where(eq(applications.id, id))
    expect(appAfter).toEqual(appBefore)
    expect(await documentRows(id)).toEqual(rowsBefore)
    expect(storedFiles()).toBe(filesBefore)
  })
})

describe('the upload route', () => {
  const post = (id: string, headers: Record<string, string>, body: BodyInit) =>
    POST(
      new Request(
        `http://localhost:3000/api/v1/applications/${id}/documents?item=passport_copy&locale=en`,
        { method: 'POST', headers: { host: 'localhost:3000', ...headers }, body },
      ),
      { params: Promise.resolve({ id }) },
    )

  it('refuses a cross-site post, answers JSON to scripts and 303 to a browser form', async () => {
    await actAs(email('route'))
    const id = await newDraft()
    const form = new FormData()
    form.append(
      'file',
      new Blob([new Uint8Array(await pdf(1))], { type: 'application/pdf' }),
      'a.pdf',
    )
    const crossSite = await post(
      id,
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      form,
    )
    expect(crossSite.status).toBe(403)
    expect(await documentRows(id)).toEqual([])

    const browser = await post(
      id,
      { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin', accept: 'text/html' },
      form,
    )
    expect(browser.status).toBe(303)
    expect(browser.headers.get('location')).toBe(
      `/en/applications/${id}/documents?uploaded=passport_copy`,
    )

    const script = await post(id, { 'content-type': 'image/png' }, new Uint8Array(await png()))
    expect(script.status).toBe(201)
    expect(await script.json()).toMatchObject({ checklistItem: 'passport_copy', width: 800 })

    const tooBig = await post(
      id,
      { 'content-type': 'application/pdf', 'content-length': String(MAX_DOCUMENT_BYTES + 1) },
      'x',
    )
    expect(tooBig.status).toBe(413)
    expect(await tooBig.json()).toEqual({
      error: {
        code: 'too_large',
        message: enApplication.documents.errors.too_large.replace('{{size}}', '10 MB'),
      },
    })
    const refusedForm = await post(
      id,
      { accept: 'text/html', 'content-type': 'text/html' },
      '<html>',
    )
    expect(refusedForm.headers.get('location')).toBe(
      `/en/applications/${id}/documents?error=type_not_allowed&item=passport_copy`,
    )
    expect(await documentRows(id)).toHaveLength(2)
  })
})

async function auditOf(applicationId: string, action: string) {
  const db = await getDb()
  const rows = await db.select().from(auditEvents).where(eq(auditEvents.entityId, applicationId))
  return rows.filter((r) => r.action === action)
}

describe('hostile PDFs and the malware scan (SECURITY.md UP-01..03)', () => {
  let clamd: FakeClamd | undefined
  afterEach(async () => {
    delete process.env.CLAMD_URL
    await clamd?.close()
    clamd = undefined
  })

  it('refuses a PDF with a script and one whose page content unpacks to 100 MB', async () => {
    await actAs(email('active'))
    const id = await newDraft()
    const filesBefore = storedFiles()
    const scripted = onePagePdf({
      catalog: '/OpenAction 4 0 R',
      more: ['<< /S /J#61vaScript /J#53 (app.alert(1)) >>'],
      packed: [4],
    })
    expect(
      await uploadMyDocument(id, 'passport_copy', file(scripted, 'application/pdf', 's.pdf')),
    ).toEqual({ ok: false, reason: 'pdf_active_content' })
    const bomb = onePagePdf({
      page: '/Contents 4 0 R',
      more: [{ dict: '/Filter /FlateDecode', stream: await compressedZeros(100 * 1024 * 1024) }],
    })
    expect(
      await uploadMyDocument(id, 'passport_copy', file(bomb, 'application/pdf', 'b.pdf')),
    ).toEqual({ ok: false, reason: 'pdf_content_too_large' })
    expect(await documentRows(id)).toEqual([])
    expect(storedFiles()).toBe(filesBefore)
  })

  it('stores a clean file, and refuses and audits an infected one without storing it', async () => {
    clamd = await startFakeClamd()
    process.env.CLAMD_URL = clamd.url
    await actAs(email('scanned'))
    const id = await newDraft()
    const clean = await uploaded(id, 'passport_copy', await pdfFile())
    expect(clamd.scans).toHaveLength(1)
    const [uploadAudit] = await auditOf(id, 'application.document_uploaded')
    expect(uploadAudit!.details).toMatchObject({ documentId: clean.id, malwareScanned: true })

    const filesBefore = storedFiles()
    // A valid PDF that carries the test signature after its end.
    const infected = Buffer.concat([await pdf(1), Buffer.from(`%${EICAR}\n`)])
    expect(
      await uploadMyDocument(id, 'passport_copy', file(infected, 'application/pdf', 'i.pdf')),
    ).toEqual({ ok: false, reason: 'infected' })
    expect(await documentRows(id)).toHaveLength(1)
    expect(storedFiles()).toBe(filesBefore)
    const [audit] = await auditOf(id, 'application.document_infected')
    expect(audit).toMatchObject({ entityType: 'application', actorUserId: expect.any(String) })
    expect(audit!.details).toMatchObject({
      checklistItem: 'passport_copy',
      signature: 'Eicar-Test-Signature',
      sizeBytes: infected.length,
    })
  })

  it('refuses every upload while a configured scanner is down or too slow', async () => {
    await actAs(email('scanner-down'))
    const id = await newDraft()
    const filesBefore = storedFiles()
    process.env.CLAMD_URL = await unusedClamdUrl()
    expect(await uploadMyDocument(id, 'biometric_photo', await photoFile())).toEqual({
      ok: false,
      reason: 'scan_unavailable',
    })
    clamd = await startFakeClamd({ mode: 'silent' })
    process.env.CLAMD_URL = clamd.url
    process.env.CLAMD_TIMEOUT_MS = '200'
    try {
      const answer = await POST(
        new Request(
          `http://localhost:3000/api/v1/applications/${id}/documents?item=passport_copy&locale=en`,
          {
            method: 'POST',
            headers: { host: 'localhost:3000', 'content-type': 'application/pdf' },
            body: new Uint8Array(await pdf(1)),
          },
        ),
        { params: Promise.resolve({ id }) },
      )
      expect(answer.status).toBe(503)
      expect(answer.headers.get('retry-after')).toBe('60')
      expect(await answer.json()).toEqual({
        error: {
          code: 'scan_unavailable',
          message: enApplication.documents.errors.scan_unavailable,
        },
      })
    } finally {
      delete process.env.CLAMD_TIMEOUT_MS
    }
    expect(await documentRows(id)).toEqual([])
    expect(storedFiles()).toBe(filesBefore)
  })

  it('stores unscanned when no scanner is configured, and says so in the audit trail', async () => {
    await actAs(email('unscanned'))
    const id = await newDraft()
    const doc = await uploaded(id, 'passport_copy', await pdfFile())
    const [audit] = await auditOf(id, 'application.document_uploaded')
    expect(audit!.details).toMatchObject({ documentId: doc.id, malwareScanned: false })
  })
})
