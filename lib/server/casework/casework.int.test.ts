import '../testing/request-scope-mocks'
import { and, eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import {
  applicationEvents,
  applications,
  auditEvents,
  decisionProposals,
  directorates,
  documentRequests,
  outboxMessages,
  residencePermits,
} from '@/db/schema'
import { AccessDenied } from '../actor'
import { Refused, StaleVersion } from '../errors'
import { inDays } from '../testing/application-fixtures'
import { actAs, runAsUser } from '../testing/as-user'
import { caseVersion, createCase } from '../testing/case-fixtures'
import { approveCase } from './approve-case'
import { claimCase } from './assign-case'
import { recordCardPrinting, recordDelivered, recordHandedToPost } from './card-steps'
import { findCasesForQueue } from './find-cases-for-queue'
import { getCase } from './get-case'
import { recordReceipt } from './record-receipt'
import { refuseCase } from './refuse-case'
import { requestDocuments } from './request-documents'
import { resolveProposal } from './resolve-proposal'

const ISTANBUL = 34
const CASEWORKER = 'caseworker.istanbul@example.org'
const SUPERVISOR = 'supervisor.istanbul@example.org'
const ANKARA_CASEWORKER = 'caseworker.ankara@example.org'

afterEach(() => actAs(null))

async function snapshot(id: string) {
  const db = await getDb()
  const [app] = await db.select().from(applications).where(eq(applications.id, id))
  const events = await db
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, id))
  const audits = await db.select().from(auditEvents).where(eq(auditEvents.entityId, id))
  return {
    app,
    events: events.length,
    audits: audits.filter((a) => a.action !== 'case.viewed').length,
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

describe('casework', () => {
  it('approves a complete file within the rules and creates the permit', async () => {
    const c = await createCase(ISTANBUL)
    await actAs(CASEWORKER)
    const version = await caseVersion(c.id)
    const tooLong = await refusal(() =>
      approveCase({
        applicationId: c.id,
        expectedVersion: version,
        validFrom: inDays(0),
        validUntil: inDays(800),
      }),
    )
    expect(tooLong).toBeInstanceOf(Refused)
    expect((tooLong as Refused).reason).toBe('over_maximum')
    const result = await approveCase({
      applicationId: c.id,
      expectedVersion: version,
      validFrom: inDays(0),
      validUntil: inDays(364),
    })
    expect(result.status).toBe('approved')
    const db = await getDb()
    const [permit] = await db
      .select()
      .from(residencePermits)
      .where(eq(residencePermits.applicationId, c.id))
    expect(permit).toMatchObject({ holderId: c.applicantId, validUntil: inDays(364) })
    const mails = await db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, c.email))
    expect(mails.map((m) => m.template)).toContain('case-approved')
    expect(mails[0]!.locale).toBe('fa')

    // The card: printed with its serial, then given to the post with a tracking number.
    await recordCardPrinting({
      applicationId: c.id,
      expectedVersion: result.version,
      cardSerial: 'ab 123456',
    })
    await recordHandedToPost({
      applicationId: c.id,
      expectedVersion: result.version + 1,
      trackingNumber: 'RR123456789TR',
    })
    const [after] = await db
      .select()
      .from(residencePermits)
      .where(eq(residencePermits.applicationId, c.id))
    expect(after).toMatchObject({ cardSerial: 'ab 123456', postTrackingNumber: 'RR123456789TR' })
    expect((await getCase(c.id)).status).toBe('handed_to_post')
    await recordDelivered({ applicationId: c.id, expectedVersion: result.version + 2 })

    // Each step reached the applicant, in the language of their account, HTML and text.
    const steps = await db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, c.email))
    expect(steps.map((m) => m.template).sort()).toEqual(
      ['case-approved', 'case-cardPrinting', 'case-delivered', 'case-handedToPost'].sort(),
    )
    for (const mail of steps) {
      expect(mail.locale).toBe('fa')
      expect(mail.html).toContain('<html dir="rtl" lang="fa">')
    }
    expect(steps.find((m) => m.template === 'case-handedToPost')!.body).toContain('RR123456789TR')
  })

  it('refuses a stale version and changes nothing', async () => {
    const c = await createCase(ISTANBUL)
    await actAs(CASEWORKER)
    const before = await snapshot(c.id)
    const error = await refusal(() =>
      approveCase({
        applicationId: c.id,
        expectedVersion: before.app!.version - 1,
        validFrom: inDays(0),
        validUntil: inDays(100),
      }),
    )
    expect(error).toBeInstanceOf(StaleVersion)
    expect(await snapshot(c.id)).toEqual(before)
  })

  it('answers another directorate as if the case did not exist, and changes nothing', async () => {
    const c = await createCase(ISTANBUL)
    await actAs(ANKARA_CASEWORKER)
    const before = await snapshot(c.id)
    const version = before.app!.version
    for (const attempt of [
      () => getCase(c.id),
      () => claimCase({ applicationId: c.id, expectedVersion: version }),
      () =>
        approveCase({
          applicationId: c.id,
          expectedVersion: version,
          validFrom: inDays(0),
          validUntil: inDays(100),
        }),
      () =>
        requestDocuments({
          applicationId: c.id,
          expectedVersion: version,
          items: ['criminal_record'],
        }),
    ]) {
      const error = await refusal(attempt)
      expect(error).toBeInstanceOf(AccessDenied)
      expect((error as AccessDenied).reason).toBe('not_found')
    }
    const queue = await findCasesForQueue({ assigned: 'any', sort: 'submitted' })
    expect(queue.rows.map((r) => r.id)).not.toContain(c.id)
    expect(await snapshot(c.id)).toEqual(before)
  })

  it('asks for missing documents with a 30-day deadline and tells the applicant', async () => {
    const c = await createCase(ISTANBUL)
    await actAs(CASEWORKER)
    await requestDocuments({
      applicationId: c.id,
      expectedVersion: await caseVersion(c.id),
      items: ['criminal_record', 'proof_of_address'],
      message: 'Please send a newer rental contract.',
    })
    const db = await getDb()
    const [request] = await db
      .select()
      .from(documentRequests)
      .where(eq(documentRequests.applicationId, c.id))
    expect(request!.items).toEqual(['criminal_record', 'proof_of_address'])
    const days = (request!.dueAt.getTime() - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(29.5)
    expect(days).toBeLessThan(31.5)
    expect((await getCase(c.id)).status).toBe('missing_documents')
    const unknown = await refusal(async () =>
      requestDocuments({
        applicationId: c.id,
        expectedVersion: await caseVersion(c.id),
        items: ['<script>'],
      }),
    )
    expect((unknown as Refused).reason).toBe('unknown_item')
  })

  it('waits for a supervisor to confirm a refusal, never the same person', async () => {
    const c = await createCase(ISTANBUL)
    await actAs(CASEWORKER)
    const wrongBasis = await refusal(async () =>
      refuseCase({
        applicationId: c.id,
        expectedVersion: await caseVersion(c.id),
        legalBasis: 'art41_student_refusal',
        reason: 'x',
      }),
    )
    expect((wrongBasis as Refused).reason).toBe('legal_basis_not_for_type')
    const proposed = await refuseCase({
      applicationId: c.id,
      expectedVersion: await caseVersion(c.id),
      legalBasis: 'art33_short_term_refusal',
      reason: 'No evidence of the purpose of stay.',
    })
    expect(proposed.status).toBe('under_review')
    // The proposer cannot confirm their own proposal, even with the supervisor role.
    const self = await refusal(() =>
      resolveProposal({
        applicationId: c.id,
        expectedVersion: proposed.version,
        outcome: 'confirm',
      }),
    )
    expect(self).toBeInstanceOf(AccessDenied) // a caseworker lacks cases.confirm
    await actAs(SUPERVISOR)
    const confirmed = await resolveProposal({
      applicationId: c.id,
      expectedVersion: proposed.version,
      outcome: 'confirm',
    })
    expect(confirmed.status).toBe('refused')
    const db = await getDb()
    const [proposal] = await db
      .select()
      .from(decisionProposals)
      .where(eq(decisionProposals.applicationId, c.id))
    expect(proposal!.outcome).toBe('confirmed')
    const [event] = await db
      .select()
      .from(applicationEvents)
      .where(
        and(eq(applicationEvents.applicationId, c.id), eq(applicationEvents.toStatus, 'refused')),
      )
    expect(event!.details).toEqual({ legalBasis: 'art33_short_term_refusal' })
  })

  it('a supervisor may not confirm their own proposal', async () => {
    const c = await createCase(ISTANBUL)
    await actAs(SUPERVISOR)
    const proposed = await refuseCase({
      applicationId: c.id,
      expectedVersion: await caseVersion(c.id),
      legalBasis: 'art25_general',
      reason: 'Reason',
    })
    const error = await refusal(() =>
      resolveProposal({
        applicationId: c.id,
        expectedVersion: proposed.version,
        outcome: 'confirm',
      }),
    )
    expect((error as Refused).reason).toBe('not_allowed_now')
  })

  it('starts the decision clock when the documents arrive', async () => {
    const c = await createCase(ISTANBUL, {
      status: 'documents_submitted',
      kind: 'first',
      documentsReceived: false,
    })
    await actAs(CASEWORKER)
    const early = await refusal(async () =>
      approveCase({
        applicationId: c.id,
        expectedVersion: await caseVersion(c.id),
        validFrom: inDays(0),
        validUntil: inDays(100),
      }),
    )
    expect((early as Refused).reason).toBe('not_allowed_now')
    await recordReceipt({ applicationId: c.id, expectedVersion: await caseVersion(c.id) })
    const view = await getCase(c.id)
    expect(view.status).toBe('under_review')
    expect(view.decisionDueOn).toBe(inDays(90))
  })

  it('decides once when two caseworkers act on the same version at once', async () => {
    const c = await createCase(ISTANBUL)
    const db = await getDb()
    await db
      .update(directorates)
      .set({ fourEyesRefusals: false })
      .where(eq(directorates.provinceCode, ISTANBUL))
    try {
      const worker = (await actAs(CASEWORKER))!
      const supervisor = (await actAs(SUPERVISOR))!
      const version = await caseVersion(c.id)
      const results = await Promise.allSettled([
        runAsUser(worker, () =>
          approveCase({
            applicationId: c.id,
            expectedVersion: version,
            validFrom: inDays(0),
            validUntil: inDays(200),
          }),
        ),
        runAsUser(supervisor, () =>
          refuseCase({
            applicationId: c.id,
            expectedVersion: version,
            legalBasis: 'art25_general',
            reason: 'r',
          }),
        ),
      ])
      const won = results.filter((r) => r.status === 'fulfilled')
      const lost = results.filter((r) => r.status === 'rejected')
      expect(won).toHaveLength(1)
      expect(lost).toHaveLength(1)
      expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(StaleVersion)
      const decisions = (
        await db.select().from(auditEvents).where(eq(auditEvents.entityId, c.id))
      ).filter((a) => a.action === 'case.approve' || a.action === 'case.refuse')
      expect(decisions).toHaveLength(1)
    } finally {
      await db
        .update(directorates)
        .set({ fourEyesRefusals: true })
        .where(eq(directorates.provinceCode, ISTANBUL))
    }
  })
})
