import './testing/request-scope-mocks'
import { and, asc, eq, gt, sql } from 'drizzle-orm'
import { NextRequest } from 'next/server'
import { z } from 'zod'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { auditEvents } from '@/db/schema'
import { GET as getQueueRoute } from '@/app/api/v1/staff/cases/route'
import { requireStaff } from './actor'
import { getCase } from './casework/get-case'
import { formContextSchema, runFormAction } from './entry/form-action'
import { loadForPage } from './page-access'
import { actAs } from './testing/as-user'
import { createCase, type TestCase } from './testing/case-fixtures'
import { setCurrentRequest } from './testing/request-context'
import { createTestStaff } from './testing/staff-fixtures'

// SECURITY.md AD-02: a refused access by someone signed in is one `access.denied` row, written
// by the entry-point wrapper after the refusal, naming the actor and what was asked.

type Staff = Awaited<ReturnType<typeof createTestStaff>>
let caseworker: Staff
let agent: Staff
let ankaraCase: TestCase

beforeAll(async () => {
  caseworker = await createTestStaff('caseworker', 34)
  agent = await createTestStaff('call_centre_agent', null)
  ankaraCase = await createCase(6)
})

async function rowsAfter(work: () => Promise<unknown>) {
  const db = await getDb()
  const [last] = await db
    .select({ id: sql<number>`coalesce(max(${auditEvents.id}), 0)::int` })
    .from(auditEvents)
  await work().catch(() => undefined)
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(gt(auditEvents.id, Number(last!.id)), eq(auditEvents.action, 'access.denied')))
    .orderBy(asc(auditEvents.id))
  return rows.map((r) => ({
    actor: r.actorUserId,
    entity: [r.entityType, r.entityId],
    details: r.details,
  }))
}

const queueRequest = () =>
  setCurrentRequest(new NextRequest('http://localhost:3000/api/v1/staff/cases?sort=deadline'))

describe('refused access is audited', () => {
  it("a page: another directorate's case, as a caseworker", async () => {
    await actAs(caseworker.email)
    const page = `/en/staff/cases/${ankaraCase.id}`
    expect(
      await rowsAfter(() => loadForPage('en', 'staff', page, () => getCase(ankaraCase.id))),
    ).toEqual([
      {
        actor: caseworker.userId,
        entity: ['application', ankaraCase.id],
        details: { reason: 'not_found', entry: page },
      },
    ])
  })

  it('an API route: the work queue, as a call-centre agent (no permission)', async () => {
    await actAs(agent.email)
    let status = 0
    expect(
      await rowsAfter(async () => (status = (await getQueueRoute(queueRequest())).status)),
    ).toEqual([
      {
        actor: agent.userId,
        entity: ['entry_point', null],
        // The path without its query string: what was typed there stays out of the trail.
        details: { reason: 'forbidden', entry: '/api/v1/staff/cases', permission: 'cases.view' },
      },
    ])
    expect(status).toBe(403)
  })

  it('a server action: a permission the role does not have', async () => {
    await actAs(caseworker.email)
    const form = new FormData()
    const returnTo = '/en/staff/staff?from=x'
    expect(
      await rowsAfter(() =>
        runFormAction(
          {
            context: formContextSchema,
            input: z.object({}),
            run: () => requireStaff('staff.manage'),
            done: () => ({}),
          },
          { locale: 'en', returnTo },
          form,
        ),
      ),
    ).toEqual([
      {
        actor: caseworker.userId,
        entity: ['entry_point', null],
        details: { reason: 'forbidden', entry: '/en/staff/staff', permission: 'staff.manage' },
      },
    ])
  })

  it('a typed id that is no uuid is not kept', async () => {
    await actAs(caseworker.email)
    const rows = await rowsAfter(() =>
      loadForPage('en', 'staff', '/en/staff/cases/x', async () => {
        const { AccessDenied } = await import('./actor')
        throw new AccessDenied('not_found', { entityType: 'application', entityId: 'Jane Doe' })
      }),
    )
    expect(rows.map((r) => r.entity)).toEqual([['application', null]])
  })

  it('records nothing for the signed out, nor for an applicant told "not found"', async () => {
    await actAs(null)
    expect(await rowsAfter(() => getQueueRoute(queueRequest()))).toEqual([])
    await actAs(ankaraCase.email)
    expect(await rowsAfter(() => getQueueRoute(queueRequest()))).toEqual([])
  })
})
