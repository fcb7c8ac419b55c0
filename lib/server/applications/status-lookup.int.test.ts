import '../testing/request-scope-mocks'
import { randomInt } from 'node:crypto'
import { NextRequest } from 'next/server'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { lookUpStatusAction } from '@/app/[locale]/(public)/track/actions'
import { POST } from '@/app/api/v1/status-lookups/route'
import { getDb } from '@/db'
import { queryRows } from '@/db/client'
import { makeReferenceNumber, REFERENCE_ALPHABET } from '@/lib/domain/reference-number'
import { COMPLETE_ANSWERS } from '../testing/application-fixtures'
import { createCase } from '../testing/case-fixtures'
import { setCurrentRequest } from '../testing/request-context'
import { ADDRESS_LIMIT, REFERENCE_FAILURE_LIMIT } from './status-lookup-statement'

const PASSPORT = COMPLETE_ANSWERS.passport!.passportNumber!
const BIRTH = COMPLETE_ANSWERS.personal!.dateOfBirth!
const FOREIGNER_ID = '99123456780'

let lastOctet = 0
/** A new client address per call unless one is given, so limits do not leak between tests. */
const newAddress = () => `198.51.${randomInt(0, 255)}.${++lastOctet % 250}`

async function lookUp(body: unknown, address = newAddress(), locale = 'en') {
  const request = new NextRequest('http://localhost:3000/api/v1/status-lookups', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-language': locale,
      'x-forwarded-for': address,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  const res = await POST(setCurrentRequest(request), { params: Promise.resolve({}) })
  return { status: res.status, text: await res.text(), retryAfter: res.headers.get('retry-after') }
}

async function counterRows(): Promise<number> {
  const db = await getDb()
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from rate_limit_counters where bucket like 'status_lookup.%'`,
  )
  return Number(row!.n)
}

async function caseWithReference(status: 'under_review' | 'draft' = 'under_review') {
  const c = await createCase(34, {
    status,
    formData: {
      ...COMPLETE_ANSWERS,
      personal: { ...COMPLETE_ANSWERS.personal, foreignerIdNumber: FOREIGNER_ID },
    },
  })
  const db = await getDb()
  const [row] = await queryRows<{ reference: string }>(
    db,
    sql`select reference from applications where id = ${c.id}`,
  )
  return row!.reference
}

const unknownReference = () =>
  makeReferenceNumber(Array.from({ length: 9 }, () => randomInt(0, REFERENCE_ALPHABET.length)))
const arabicDigits = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + +d))
const persianDigits = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + +d))

describe('public status lookup', () => {
  it('answers the coarse status only, with a passport or a foreigner identity number', async () => {
    const reference = await caseWithReference()
    const byPassport = await lookUp({ reference, passportNumber: PASSPORT, dateOfBirth: BIRTH })
    expect(byPassport.status).toBe(200)
    expect(JSON.parse(byPassport.text)).toEqual({
      reference,
      status: 'under_review',
      nextStep: 'directorate',
    })
    // Typed on an Arabic or Persian keyboard, in lower case, without dashes.
    const typed = await lookUp({
      reference: arabicDigits(reference.toLowerCase().replace(/-/g, ' ')),
      foreignerIdNumber: persianDigits(FOREIGNER_ID),
      dateOfBirth: arabicDigits(BIRTH),
    })
    expect(typed.status).toBe(200)
    expect(typed.text).toBe(byPassport.text)
    expect(typed.text).not.toMatch(/Jane|Doe|Kadıköy|K1234567/)
  })

  it('gives the same answer to an unknown reference, wrong details and a draft', async () => {
    const reference = await caseWithReference()
    const draft = await caseWithReference('draft')
    const right = { reference, passportNumber: PASSPORT, dateOfBirth: BIRTH }
    const answers = await Promise.all([
      lookUp({ ...right, reference: unknownReference() }),
      lookUp({ ...right, dateOfBirth: '1990-03-28' }),
      lookUp({ ...right, passportNumber: 'K7654321' }),
      lookUp({ reference, foreignerIdNumber: '99123456781', dateOfBirth: BIRTH }),
      lookUp({ ...right, reference: draft }),
    ])
    for (const answer of answers) {
      expect(answer.status).toBe(404)
      expect(answer.text).toBe(answers[0]!.text)
    }
    expect(JSON.parse(answers[0]!.text).error.code).toBe('not_found')
  })

  it('counts failures against the reference, not right answers, and then answers 429', async () => {
    const reference = await caseWithReference()
    const right = { reference, passportNumber: PASSPORT, dateOfBirth: BIRTH }
    // The real applicant looking many times, from many addresses, never uses the limit up.
    for (let i = 0; i < REFERENCE_FAILURE_LIMIT.limit + 5; i++)
      expect((await lookUp(right)).status).toBe(200)
    for (let i = 0; i < REFERENCE_FAILURE_LIMIT.limit; i++)
      expect((await lookUp({ ...right, dateOfBirth: '1991-01-01' })).status).toBe(404)
    const limited = await lookUp({ ...right, dateOfBirth: '1991-01-01' })
    expect(limited.status).toBe(429)
    const wait = Number(limited.retryAfter)
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(REFERENCE_FAILURE_LIMIT.windowSeconds)
    expect(JSON.parse(limited.text).error.message).toContain(String(wait))
    // An unknown reference is limited the same way, so the limit does not tell which exist.
    const unknown = { ...right, reference: unknownReference() }
    for (let i = 0; i < REFERENCE_FAILURE_LIMIT.limit; i++)
      expect((await lookUp(unknown)).status).toBe(404)
    expect((await lookUp(unknown)).status).toBe(429)
  })

  it('limits one client address, whatever it asks', async () => {
    const reference = await caseWithReference()
    const address = newAddress()
    const right = { reference, passportNumber: PASSPORT, dateOfBirth: BIRTH }
    for (let i = 0; i < ADDRESS_LIMIT.limit; i++)
      expect((await lookUp(right, address)).status).toBe(200)
    const limited = await lookUp(right, address, 'ar')
    expect(limited.status).toBe(429)
    expect(Number(limited.retryAfter)).toBeGreaterThan(0)
    expect(JSON.parse(limited.text).error.message).toMatch(/[\u0600-\u06ff]/)
    expect((await lookUp(right)).status).toBe(200)
  })

  it('refuses bad input with translated field errors, before any database work', async () => {
    const reference = await caseWithReference()
    const right = { reference, passportNumber: PASSPORT, dateOfBirth: BIRTH }
    const last = reference.at(-1)!
    const wrongCheck =
      reference.slice(0, -1) + REFERENCE_ALPHABET[(REFERENCE_ALPHABET.indexOf(last) + 1) % 29]
    const before = await counterRows()
    const cases: [unknown, string][] = [
      [{ ...right, reference: wrongCheck }, 'reference'],
      [{ ...right, reference: 'ABC-123' }, 'reference'],
      [{ ...right, reference: '' }, 'reference'],
      [{ ...right, reference: `${reference}'; drop table applications; --` }, 'reference'],
      [{ ...right, reference: 'x'.repeat(5000) }, 'reference'],
      [{ ...right, dateOfBirth: '1990-02-30' }, 'dateOfBirth'],
      [{ ...right, dateOfBirth: '0000-00-00' }, 'dateOfBirth'],
      [{ ...right, dateOfBirth: '1850-01-01' }, 'dateOfBirth'],
      [{ ...right, dateOfBirth: '2999-01-01' }, 'dateOfBirth'],
      [{ ...right, dateOfBirth: 'yesterday' }, 'dateOfBirth'],
      [{ ...right, dateOfBirth: 19900327 }, 'dateOfBirth'],
      [{ ...right, passportNumber: '!!' }, 'passportNumber'],
      [{ ...right, foreignerIdNumber: FOREIGNER_ID }, 'passportNumber'],
      [{ reference, dateOfBirth: BIRTH }, 'passportNumber'],
      [{ ...right, foreignerIdNumber: '12345' }, 'foreignerIdNumber'],
      [{ ...right, name: 'Jane' }, 'name'],
    ]
    for (const [body, field] of cases) {
      const answer = await lookUp(body, newAddress(), 'fa')
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400)
      const fields = JSON.parse(answer.text).error.fields as Record<string, string>
      expect(Object.keys(fields), JSON.stringify(body).slice(0, 80)).toContain(field)
      expect(fields[field]).toMatch(/[\u0600-\u06ff]/)
    }
    const check = JSON.parse((await lookUp({ ...right, reference: wrongCheck })).text)
    expect(check.error.fields.reference).toContain('typing mistake')
    for (const body of ['not json', '[]', 'null']) expect((await lookUp(body)).status).toBe(400)
    expect(await counterRows()).toBe(before)
  })

  it('answers on the page in the reader’s language, with the date in three boxes', async () => {
    const reference = await caseWithReference()
    const form = (values: Record<string, string>) => {
      const data = new FormData()
      for (const [k, v] of Object.entries(values)) data.set(k, v)
      return data
    }
    const ctx = { locale: 'ar', returnTo: '/ar/track' }
    setCurrentRequest(
      new NextRequest('http://localhost/ar/track', {
        headers: { 'x-forwarded-for': newAddress() },
      }),
    )
    const [y, m, d] = BIRTH.split('-') as [string, string, string]
    const found = await lookUpStatusAction(
      ctx,
      {},
      form({
        reference: arabicDigits(reference),
        passportNumber: PASSPORT,
        foreignerIdNumber: '',
        'dateOfBirth-day': arabicDigits(d),
        'dateOfBirth-month': arabicDigits(m),
        'dateOfBirth-year': arabicDigits(y),
      }),
    )
    expect(found.result).toEqual({ reference, status: 'under_review' })
    const missing = await lookUpStatusAction(
      ctx,
      {},
      form({
        reference,
        passportNumber: PASSPORT,
        'dateOfBirth-day': '1',
        'dateOfBirth-month': '1',
        'dateOfBirth-year': '1991',
      }),
    )
    expect(missing.formError).toEqual({ key: 'lookup:notFound' })
    const bad = await lookUpStatusAction(
      ctx,
      {},
      form({
        reference: 'nope',
        passportNumber: PASSPORT,
        'dateOfBirth-day': '31',
        'dateOfBirth-month': '2',
        'dateOfBirth-year': '1990',
      }),
    )
    expect(bad.fieldErrors).toMatchObject({
      reference: 'lookup:errors.reference',
      dateOfBirth: 'validation:date.invalid',
    })
  })
})
