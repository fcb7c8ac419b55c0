import '../testing/request-scope-mocks'
import { randomUUID } from 'node:crypto'
import { NextRequest } from 'next/server'
import { sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { POST as lookUpStatus } from '@/app/api/v1/status-lookups/route'
import { getDb } from '@/db'
import { queryRows } from '@/db/client'
import { callerLookupSchema } from '@/lib/schemas/call-centre/caller-lookup'
import { getMyApplication } from '../applications/my-application'
import { saveSectionAnswers } from '../applications/save-section'
import { startFirstApplication } from '../applications/start-application'
import { submitApplication } from '../applications/submit-application'
import { lookUpCaller } from '../call-centre/look-up-caller'
import { getCase } from '../casework/get-case'
import { COMPLETE_ANSWERS, inDays, testEmail } from '../testing/application-fixtures'
import { actAs } from '../testing/as-user'
import { attachRequiredDocuments } from '../testing/attach-documents'
import { randomForeignerId } from '../testing/permit-fixtures'
import { setCurrentRequest } from '../testing/request-context'
import { createTestStaff } from '../testing/staff-fixtures'

// SECURITY.md PD-02 and PD-06 (LG-03): a seeded canary's numbers go through the flows that
// handle them (draft saved, application sent, status lookup, call-centre lookup, staff opening
// the case). Their clear values must never reach the console, stdout or stderr, nor any table
// (audit rows and outbox messages included), while the person and the staff still see them.

const PASSPORT = `CANARY${String(Date.now()).slice(-6)}`
const FOREIGNER_ID = randomForeignerId()
const CANARIES = [PASSPORT, FOREIGNER_ID]

let written: string[] = []

function capture() {
  written = []
  const keep =
    (name: string) =>
    (...args: unknown[]) => {
      written.push(
        `${name}: ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`,
      )
    }
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const)
    vi.spyOn(console, level).mockImplementation(keep(`console.${level}`))
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream)
    vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      written.push(String(chunk))
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest)
    }) as typeof stream.write)
  }
}

beforeEach(capture)
afterEach(() => vi.restoreAllMocks())

/** Rows of every table whose text holds the value, as `table: count`. */
async function tablesHolding(value: string): Promise<Record<string, number>> {
  const db = await getDb()
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
         where table_schema = 'public' and table_type = 'BASE TABLE'`,
  )
  const found: Record<string, number> = {}
  for (const { name } of tables) {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(name)} t where t::text like ${`%${value}%`}`,
    )
    if (Number(row!.n) > 0) found[name] = Number(row!.n)
  }
  return found
}

async function statusLookup(document: Record<string, string>, reference: string) {
  const request = new NextRequest('http://localhost:3000/api/v1/status-lookups', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-language': 'en',
      'x-forwarded-for': `203.0.113.${Math.floor(Math.random() * 250)}`,
    },
    body: JSON.stringify({
      reference,
      dateOfBirth: COMPLETE_ANSWERS.personal!.dateOfBirth,
      ...document,
    }),
  })
  const res = await lookUpStatus(setCurrentRequest(request), { params: Promise.resolve({}) })
  return res.status
}

describe('identity numbers at rest and in logs (canary)', () => {
  it('never writes the clear numbers to a log or a table, and shows them to whom may see them', async () => {
    await actAs(testEmail(`canary-${randomUUID().slice(0, 6)}`))
    const started = await startFirstApplication({
      permitType: 'short_term',
      legalStayUntil: inDays(30),
    })
    if (!started.ok) throw new Error(started.reason)
    const id = started.id
    const answers = {
      ...COMPLETE_ANSWERS,
      personal: { ...COMPLETE_ANSWERS.personal, foreignerIdNumber: FOREIGNER_ID },
      passport: { ...COMPLETE_ANSWERS.passport, passportNumber: PASSPORT },
    }
    for (const [section, values] of Object.entries(answers))
      expect(await saveSectionAnswers(id, section as 'personal', values, 'complete')).toEqual({
        ok: true,
      })

    // The person sees their own numbers in their answers.
    const mine = await getMyApplication(id)
    expect((mine.formData.passport as Record<string, unknown>).passportNumber).toBe(PASSPORT)
    expect((mine.formData.personal as Record<string, unknown>).foreignerIdNumber).toBe(FOREIGNER_ID)

    await attachRequiredDocuments(id)
    expect(await submitApplication(id, randomUUID(), 'en')).toMatchObject({ ok: true })
    const { reference } = await getMyApplication(id)

    // The public lookup finds it by either number (compared as keyed hashes).
    expect(await statusLookup({ passportNumber: PASSPORT.toLowerCase() }, reference)).toBe(200)
    expect(await statusLookup({ foreignerIdNumber: FOREIGNER_ID }, reference)).toBe(200)
    expect(await statusLookup({ passportNumber: 'CANARY000001' }, reference)).toBe(404)

    // The call centre finds it by the last four characters, and shows no number.
    const agent = await createTestStaff('call_centre_agent', null)
    await actAs(agent.email)
    const view = await lookUpCaller(
      callerLookupSchema.parse({
        reference,
        dateOfBirth: COMPLETE_ANSWERS.personal!.dateOfBirth,
        passportLastFour: PASSPORT.slice(-4),
        reason: 'status_question',
      }),
      'en',
    )
    expect(view.found).toBe(true)
    expect(JSON.stringify(view)).not.toContain(PASSPORT)

    // Staff with the case open see both numbers.
    const caseworker = await createTestStaff('caseworker', 34)
    await actAs(caseworker.email)
    const opened = await getCase(id)
    expect(opened.answers.passport!.passportNumber).toBe(PASSPORT)
    expect(opened.answers.personal!.foreignerIdNumber).toBe(FOREIGNER_ID)

    for (const canary of CANARIES) {
      expect(written.filter((line) => line.includes(canary))).toEqual([])
      expect(await tablesHolding(canary)).toEqual({})
    }
    // The audit trail and the outbox were written by these flows (so the check above saw rows).
    const [trail] = await queryRows<{ audit: number; outbox: number }>(
      await getDb(),
      sql`select (select count(*)::int from audit_events where entity_id = ${id}) as audit,
                 (select count(*)::int from outbox_messages where application_id = ${id}) as outbox`,
    )
    expect(Number(trail!.audit)).toBeGreaterThan(0)
    expect(Number(trail!.outbox)).toBeGreaterThan(0)
  })
})
