import '../testing/request-scope-mocks'
import { and, desc, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { auditEvents, residencePermits } from '@/db/schema'
import { AccessDenied } from '../actor'
import { Refused } from '../errors'
import { RateLimited } from '../rate-limit'
import { inDays, testEmail as email } from '../testing/application-fixtures'
import { actAs } from '../testing/as-user'
import { createCase } from '../testing/case-fixtures'
import { createUnclaimedPermit, randomForeignerId } from '../testing/permit-fixtures'
import { claimPermit, CLAIM_TRIES_PER_DAY } from './claim-permit'
import { listMyPermits } from './list-my-permits'

async function holderOf(permitId: string) {
  const db = await getDb()
  const [row] = await db
    .select({ holderId: residencePermits.holderId })
    .from(residencePermits)
    .where(eq(residencePermits.id, permitId))
  return row?.holderId
}

async function auditOf(userId: string) {
  const db = await getDb()
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.actorUserId, userId), eq(auditEvents.entityType, 'residence_permit')))
    .orderBy(desc(auditEvents.id))
}

/** The refusal a claim got, as the person would see it. */
async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(Refused)
  const refused = error as Refused
  return { reason: refused.reason, key: refused.messageKey, values: refused.values }
}

beforeEach(async () => {
  await actAs(null)
})

describe('claiming a permit issued before the account existed', () => {
  it('needs a signed-in applicant', async () => {
    const permit = await createUnclaimedPermit()
    await expect(claimPermit(permit)).rejects.toEqual(new AccessDenied('unauthenticated'))
    await actAs('caseworker.istanbul@example.org')
    await expect(claimPermit(permit)).rejects.toEqual(new AccessDenied('not_found'))
    expect(await holderOf(permit.id)).toBeNull()
  })

  it('adds the permit when all three match, and audits it', async () => {
    const permit = await createUnclaimedPermit()
    const me = (await actAs(email('claimer')))!
    expect(await listMyPermits()).toEqual([])
    expect(await claimPermit(permit)).toEqual({ permitId: permit.id })
    expect(await holderOf(permit.id)).toBe(me)
    const [audit] = await auditOf(me)
    expect(audit).toMatchObject({ action: 'permit.claimed', entityId: permit.id })
    // The numbers typed are not kept in the audit trail.
    expect(JSON.stringify(audit!.details)).not.toContain(permit.foreignerIdNumber)
    expect((await listMyPermits()).map((p) => p.id)).toEqual([permit.id])
    // Claiming it again is harmless.
    expect(await claimPermit(permit)).toEqual({ permitId: permit.id })
  })

  it('refuses when any one of the three differs, with the same answer as for no permit', async () => {
    const permit = await createUnclaimedPermit()
    const me = (await actAs(email('mismatch')))!
    const answers = [
      await refusal(claimPermit({ ...permit, birthDate: '1988-11-04' })),
      await refusal(claimPermit({ ...permit, foreignerIdNumber: randomForeignerId() })),
      await refusal(claimPermit({ ...permit, cardSerial: 'NOSUCH123' })),
      await refusal(
        claimPermit({
          foreignerIdNumber: randomForeignerId(),
          cardSerial: 'ZZ999999',
          birthDate: '1970-01-01',
        }),
      ),
    ]
    for (const answer of answers)
      expect(answer).toEqual({
        reason: 'claim_not_matched',
        key: 'permits:refusals.claim_not_matched',
        values: {},
      })
    expect(await holderOf(permit.id)).toBeNull()
    const audit = await auditOf(me)
    expect(audit.map((a) => a.action)).toEqual(Array(4).fill('permit.claim_refused'))
    expect(audit.every((a) => a.entityId === null)).toBe(true)
  })

  it('never takes a permit another account holds', async () => {
    const owner = (await actAs(email('owner')))!
    const permit = await createUnclaimedPermit({ holderId: owner })
    await actAs(email('thief'))
    expect(await refusal(claimPermit(permit))).toMatchObject({ reason: 'claim_not_matched' })
    expect(await holderOf(permit.id)).toBe(owner)
    // Nor one claimed a moment ago by someone else.
    const fresh = await createUnclaimedPermit()
    const first = (await actAs(email('first')))!
    await claimPermit(fresh)
    await actAs(email('second'))
    expect(await refusal(claimPermit(fresh))).toMatchObject({ reason: 'claim_not_matched' })
    expect(await holderOf(fresh.id)).toBe(first)
  })

  it(`allows ${CLAIM_TRIES_PER_DAY} tries a day per account, then says so in its own words`, async () => {
    const permit = await createUnclaimedPermit()
    await actAs(email('guesser'))
    for (let i = 0; i < CLAIM_TRIES_PER_DAY; i++)
      await refusal(claimPermit({ ...permit, birthDate: `1990-01-0${i + 1}` }))
    // Even the right answer is not taken once the tries are used up.
    const limited = await claimPermit(permit).catch((e: unknown) => e)
    expect(limited).toBeInstanceOf(RateLimited)
    expect((limited as RateLimited).messageKey).toBe('permits:refusals.too_many_tries')
    expect((limited as RateLimited).retryAfterSeconds).toBeGreaterThan(3600)
    expect(await holderOf(permit.id)).toBeNull()
  })

  it('counts tries per foreigner number too, across accounts', async () => {
    const permit = await createUnclaimedPermit()
    for (let i = 0; i < CLAIM_TRIES_PER_DAY; i++) {
      await actAs(email(`many-${i}`))
      await refusal(claimPermit({ ...permit, cardSerial: `WRONG${i}00` }))
    }
    await actAs(email('many-last'))
    await expect(claimPermit({ ...permit, cardSerial: 'WRONG9900' })).rejects.toBeInstanceOf(
      RateLimited,
    )
  })
})

describe('my permits', () => {
  it('lists only the permits the person holds, with their card and what they may start', async () => {
    const mine = email('holder')
    const me = (await actAs(mine))!
    const other = (await actAs(email('other')))!
    const soon = await createUnclaimedPermit({ holderId: me, validUntil: inDays(20) })
    const later = await createUnclaimedPermit({ holderId: me, validUntil: inDays(200) })
    await createUnclaimedPermit({ holderId: other })
    await createUnclaimedPermit()
    await actAs(email('nobody'))
    expect(await listMyPermits()).toEqual([])

    await actAs(mine)
    const permits = await listMyPermits()
    expect(permits.map((p) => p.id)).toEqual([later.id, soon.id])
    expect(permits[0]).toMatchObject({
      cardState: 'issued',
      postTrackingNumber: null,
      extension: { state: 'not_yet', opensOn: inDays(140) },
      changeType: true,
    })
    expect(permits[1]!.extension).toEqual({ state: 'open' })
  })

  it('shows where the card of a permit granted here is, with its tracking number on the way', async () => {
    const c = await createCase(34, { status: 'handed_to_post' })
    const db = await getDb()
    const permit = await createUnclaimedPermit({ holderId: c.applicantId, validUntil: inDays(300) })
    await db
      .update(residencePermits)
      .set({ applicationId: c.id, postTrackingNumber: 'RR123456789TR' })
      .where(eq(residencePermits.id, permit.id))
    await actAs(c.email)
    expect(await listMyPermits()).toMatchObject([
      { id: permit.id, cardState: 'with_post', postTrackingNumber: 'RR123456789TR' },
    ])
  })
})
