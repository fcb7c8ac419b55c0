import './testing/request-scope-mocks'
import { and, asc, eq, gt, sql } from 'drizzle-orm'
import { NextRequest } from 'next/server'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { auditEvents, applications } from '@/db/schema'
import { GET as getQueueRoute } from '@/app/api/v1/staff/cases/route'
import { GET as getDocumentRoute } from '@/app/api/v1/staff/cases/[id]/documents/[documentId]/route'
import { POST as postStatusLookup } from '@/app/api/v1/staff/status-lookups/route'
import { DEFAULT_QUEUE_QUERY } from '@/lib/schemas/casework/queue'
import { callerLookupSchema } from '@/lib/schemas/call-centre/caller-lookup'
import { getWalkInReceipt } from './applications/walk-in-receipt'
import { lookUpCaller } from './call-centre/look-up-caller'
import { findCasesForQueue } from './casework/find-cases-for-queue'
import { getCase } from './casework/get-case'
import { readCaseDocument } from './casework/read-case-document'
import { todayInIstanbul } from './clock'
import { findDayAppointments } from './staff/appointment-day'
import { COMPLETE_ANSWERS } from './testing/application-fixtures'
import { actAs } from './testing/as-user'
import { uploadDocumentFor } from './testing/attach-documents'
import { createCase, type TestCase } from './testing/case-fixtures'
import { createConfirmedAppointment, createCounterOffice } from './testing/counter-fixtures'
import { setCurrentRequest } from './testing/request-context'
import { createTestStaff } from './testing/staff-fixtures'

// SECURITY.md AD-03 / LG-02: every staff read of personal data leaves exactly one audit row,
// naming who read what, with none of the data read; and no data is returned without its row.

type Staff = Awaited<ReturnType<typeof createTestStaff>>
let caseworker: Staff
let agent: Staff
let theCase: TestCase
let reference = ''
let documentId = ''

const P = COMPLETE_ANSWERS.personal!
const PERSONAL_DATA = [
  P.givenNames!,
  P.surname!,
  P.dateOfBirth!,
  P.phone!,
  COMPLETE_ANSWERS.passport!.passportNumber!,
  COMPLETE_ANSWERS.address!.street!,
  'Leyla Nur',
]

function request(path: string, init: { method?: string; body?: unknown } = {}) {
  const body = init.body === undefined ? undefined : JSON.stringify(init.body)
  return setCurrentRequest(
    new NextRequest(`http://localhost:3000${path}`, {
      method: init.method ?? 'GET',
      ...(body && { body, headers: { 'content-type': 'application/json' } }),
    }),
  )
}

const lookupInput = () => ({
  reference,
  dateOfBirth: P.dateOfBirth!,
  passportLastFour: COMPLETE_ANSWERS.passport!.passportNumber!.slice(-4),
  reason: 'status_question',
})

type Read = {
  name: string
  as: () => Staff
  read: () => Promise<unknown>
  action: string
  entity: () => [string, string | null]
}

const READS: Read[] = [
  {
    name: 'opening a case',
    as: () => caseworker,
    read: () => getCase(theCase.id),
    action: 'case.viewed',
    entity: () => ['application', theCase.id],
  },
  {
    name: 'reading a case document',
    as: () => caseworker,
    read: () => readCaseDocument(theCase.id, documentId),
    action: 'case.document_viewed',
    entity: () => ['application', theCase.id],
  },
  {
    name: 'GET /api/v1/staff/cases/:id/documents/:documentId',
    as: () => caseworker,
    read: async () => {
      const path = `/api/v1/staff/cases/${theCase.id}/documents/${documentId}`
      const res = await getDocumentRoute(request(path), {
        params: Promise.resolve({ id: theCase.id, documentId }),
      })
      if (res.status !== 200) throw new Error(`status ${res.status}`)
    },
    action: 'case.document_viewed',
    entity: () => ['application', theCase.id],
  },
  {
    name: 'the work queue',
    as: () => caseworker,
    read: () => findCasesForQueue(DEFAULT_QUEUE_QUERY),
    action: 'cases.queue_viewed',
    entity: () => ['case_queue', caseworker.directorateId],
  },
  {
    name: 'GET /api/v1/staff/cases',
    as: () => caseworker,
    read: async () => {
      const res = await getQueueRoute(request('/api/v1/staff/cases'))
      if (res.status !== 200) throw new Error(`status ${res.status}`)
    },
    action: 'cases.queue_viewed',
    entity: () => ['case_queue', caseworker.directorateId],
  },
  {
    name: 'the appointments of a day (check-in)',
    as: () => caseworker,
    read: () => findDayAppointments({ date: todayInIstanbul() }),
    action: 'appointments.day_viewed',
    entity: () => ['directorate', caseworker.directorateId],
  },
  {
    name: 'the walk-in receipt',
    as: () => caseworker,
    read: () => getWalkInReceipt(theCase.id),
    action: 'walk_in.receipt_viewed',
    entity: () => ['application', theCase.id],
  },
  {
    name: 'the call-centre lookup',
    as: () => agent,
    read: () => lookUpCaller(callerLookupSchema.parse(lookupInput()), 'en'),
    action: 'call_centre.lookup',
    entity: () => ['application', theCase.id],
  },
  {
    name: 'POST /api/v1/staff/status-lookups',
    as: () => agent,
    read: async () => {
      const res = await postStatusLookup(
        request('/api/v1/staff/status-lookups', { method: 'POST', body: lookupInput() }),
      )
      if (res.status !== 200) throw new Error(`status ${res.status}`)
    },
    action: 'call_centre.lookup',
    entity: () => ['application', theCase.id],
  },
]

beforeAll(async () => {
  caseworker = await createTestStaff('caseworker', 34)
  agent = await createTestStaff('call_centre_agent', null)
  theCase = await createCase(34)
  const db = await getDb()
  // Registered at the counter by this caseworker, for the walk-in receipt.
  await db
    .update(applications)
    .set({ registeredByUserId: caseworker.userId })
    .where(eq(applications.id, theCase.id))
  const [row] = await db
    .select({ reference: applications.reference })
    .from(applications)
    .where(eq(applications.id, theCase.id))
  reference = row!.reference
  documentId = await uploadDocumentFor(theCase.id, theCase.applicantId)
  const office = await createCounterOffice(34)
  await createConfirmedAppointment({
    office,
    provinceCode: 34,
    startsAt: new Date(),
    passportNumber: 'U7654321',
  })
})

async function lastAuditId(): Promise<number> {
  const db = await getDb()
  const [row] = await db
    .select({ id: sql<number>`coalesce(max(${auditEvents.id}), 0)::int` })
    .from(auditEvents)
  return Number(row!.id)
}

describe('staff reads of personal data', () => {
  for (const r of READS) {
    it(`${r.name}: exactly one audit row, with the actor and entity, and no personal data`, async () => {
      const staff = r.as()
      await actAs(staff.email)
      const before = await lastAuditId()
      await r.read()
      const db = await getDb()
      const rows = await db
        .select()
        .from(auditEvents)
        .where(and(gt(auditEvents.id, before), eq(auditEvents.actorUserId, staff.userId)))
        .orderBy(asc(auditEvents.id))
      expect(rows.map((row) => [row.action, row.entityType, row.entityId])).toEqual([
        [r.action, ...r.entity()],
      ])
      const written = JSON.stringify(rows[0]!.details)
      for (const value of [...PERSONAL_DATA, theCase.email])
        expect(written, `details hold ${value}`).not.toContain(value)
    })
  }

  // PGlite runs as its superuser, who may add a trigger; the app role on PostgreSQL may not.
  it.runIf(!process.env.DATABASE_URL?.trim())(
    'returns nothing when its audit row cannot be written',
    async () => {
      const db = await getDb()
      await db.execute(
        sql.raw(`create function zz_refuse_audit() returns trigger language plpgsql
        as $$ begin raise exception 'audit store unavailable'; end $$`),
      )
      await db.execute(
        sql.raw(`create trigger zz_refuse_audit before insert on audit_events
        for each row execute function zz_refuse_audit()`),
      )
      try {
        for (const r of READS) {
          await actAs(r.as().email)
          const outcome = await r.read().then(
            (value) => ({ ok: true, value }),
            () => ({ ok: false, value: null }),
          )
          expect(outcome, r.name).toEqual({ ok: false, value: null })
        }
      } finally {
        await db.execute(sql.raw('drop trigger zz_refuse_audit on audit_events'))
        await db.execute(sql.raw('drop function zz_refuse_audit()'))
      }
    },
  )
})
