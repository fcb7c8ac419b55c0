// The staff second factor (SECURITY.md SF-01..05) against a real database: the session rows,
// factors, recovery codes and audit rows are real; only "who holds which cookie" is set here.
import '../../testing/request-scope-mocks'
import { eq } from 'drizzle-orm'
import { NextRequest } from 'next/server'
import { generate } from 'otplib'
import { afterEach, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { auditEvents, sessions, staffTotpFactors } from '@/db/schema'
import { AccessDenied, getActor, requireSignedIn, requireStaff } from '../../actor'
import { loadForPage } from '../../page-access'
import { actAs } from '../../testing/as-user'
import { setCurrentRequest } from '../../testing/request-context'
import { createTestStaff, openSession } from '../../testing/staff-fixtures'
import { sessionForToken } from '../bearer-session'
import { confirmTotpEnrolment } from './confirm-totp-enrolment'
import { startTotpEnrolment } from './start-totp-enrolment'
import { verifySecondFactor } from './verify-second-factor'
import { newTotpSecret } from './totp-code'
import { writeTotpSecret } from './totp-secret'

const ISTANBUL = 34

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  )

/** A browser of `member` that has typed the e-mailed code and nothing more. */
async function browserBeforeSecondFactor(member: { userId: string; email: string }) {
  const token = await openSession(member.userId)
  setCurrentRequest(
    new NextRequest('http://localhost:3000/en/staff', {
      headers: { cookie: `ikamet.session=${token}` },
    }),
  )
  await actAs(member.email, { secondFactor: false })
  return token
}

/** A caseworker whose app is set up with a secret the test knows. */
async function enrolledCaseworker() {
  const member = await createTestStaff('caseworker', ISTANBUL)
  const secret = newTotpSecret()
  const db = await getDb()
  await writeTotpSecret(db, member.userId, secret)
  await db
    .update(staffTotpFactors)
    .set({ confirmedAt: new Date() })
    .where(eq(staffTotpFactors.userId, member.userId))
  return { ...member, secret }
}

async function actions(userId: string) {
  const db = await getDb()
  const rows = await db
    .select({ action: auditEvents.action, details: auditEvents.details })
    .from(auditEvents)
    .where(eq(auditEvents.entityId, userId))
    .orderBy(auditEvents.createdAt)
  return rows
}

async function sessionRow(token: string) {
  const db = await getDb()
  const [row] = await db.select().from(sessions).where(eq(sessions.sessionToken, token))
  return row
}

afterEach(async () => {
  await actAs(null)
  setCurrentRequest(new NextRequest('http://localhost/'))
})

describe('before the second factor', () => {
  it('a staff session reaches nothing: not staff, not signed in, and pages send it to the second step', async () => {
    const member = await enrolledCaseworker()
    await browserBeforeSecondFactor(member)
    expect(await getActor()).toEqual({ kind: 'anonymous', secondFactorPending: true })
    expect(await refusal(requireStaff())).toEqual(new AccessDenied('unauthenticated'))
    expect(await refusal(requireStaff('cases.view'))).toEqual(new AccessDenied('unauthenticated'))
    expect(await refusal(requireSignedIn())).toEqual(new AccessDenied('unauthenticated'))
    const sent = (await refusal(
      loadForPage('en', 'staff', '/en/staff/cases', () => requireStaff('cases.view')),
    )) as { digest?: string }
    expect(sent.digest).toContain(
      '/en/staff/sign-in/second-factor?callbackUrl=%2Fen%2Fstaff%2Fcases',
    )
  })

  it('the same staff member is staff once the session passed it', async () => {
    const member = await enrolledCaseworker()
    await actAs(member.email)
    expect(await getActor()).toMatchObject({ kind: 'staff', userId: member.userId })
  })
})

describe('setting up the app on the first sign-in', () => {
  it('stores the secret sealed, never as it is (SF-06)', async () => {
    const member = await enrolledCaseworker()
    const [row] = await (
      await getDb()
    )
      .select({ stored: staffTotpFactors.secret })
      .from(staffTotpFactors)
      .where(eq(staffTotpFactors.userId, member.userId))
    expect(row!.stored).toMatch(/^v1\./)
    expect(row!.stored).not.toContain(member.secret)
  })

  it('shows one secret until confirmed; a right code opens the session and gives ten recovery codes', async () => {
    const member = await createTestStaff('supervisor', ISTANBUL)
    const token = await browserBeforeSecondFactor(member)
    const first = await startTotpEnrolment()
    expect(first.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/)
    expect(first.qrSvg).not.toMatch(/<script/i)
    expect((await startTotpEnrolment()).secret).toBe(first.secret)

    expect(await confirmTotpEnrolment('000000')).toEqual({ ok: false, triesLeft: 4 })
    expect((await sessionRow(token))!.secondFactorAt).toBeNull()

    const done = await confirmTotpEnrolment(await generate({ secret: first.secret }))
    expect(done.ok).toBe(true)
    const codes = done.ok ? done.recoveryCodes : []
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    expect((await sessionRow(token))!.secondFactorAt).toBeInstanceOf(Date)
    expect(await sessionForToken(await getDb(), token)).toEqual({
      userId: member.userId,
      secondFactor: true,
    })
    expect((await actions(member.userId)).map((a) => a.action)).toEqual([
      'auth.second_factor_failed',
      'auth.second_factor_enrolled',
    ])

    // Set up once: a second browser is asked for a code, never shown the secret again.
    await browserBeforeSecondFactor(member)
    expect(await refusal(startTotpEnrolment())).toEqual(new AccessDenied('not_found'))
    expect(await refusal(confirmTotpEnrolment('123456'))).toEqual(new AccessDenied('not_found'))
  })
})

describe('later sign-ins', () => {
  it('accept a code from the app once per time step (no replay)', async () => {
    const member = await enrolledCaseworker()
    const code = await generate({ secret: member.secret })
    const first = await browserBeforeSecondFactor(member)
    expect(await verifySecondFactor({ kind: 'totp', code })).toEqual({
      ok: true,
      recoveryCodesLeft: null,
    })
    expect((await sessionRow(first))!.secondFactorAt).toBeInstanceOf(Date)

    const second = await browserBeforeSecondFactor(member)
    expect(await verifySecondFactor({ kind: 'totp', code })).toEqual({ ok: false, triesLeft: 4 })
    expect((await sessionRow(second))!.secondFactorAt).toBeNull()
    const audit = await actions(member.userId)
    expect(audit.map((a) => a.action)).toEqual([
      'auth.second_factor_verified',
      'auth.second_factor_failed',
    ])
    expect(audit[1]!.details).toMatchObject({ method: 'totp', triesLeft: 4 })
  })

  it('refuse a code from another secret', async () => {
    const member = await enrolledCaseworker()
    await browserBeforeSecondFactor(member)
    const other = await generate({ secret: newTotpSecret() })
    const own = await generate({ secret: member.secret })
    expect(
      await verifySecondFactor({ kind: 'totp', code: other === own ? '000000' : other }),
    ).toEqual({ ok: false, triesLeft: 4 })
  })

  it('accept each recovery code once', async () => {
    const member = await createTestStaff('caseworker', ISTANBUL)
    await browserBeforeSecondFactor(member)
    const { secret } = await startTotpEnrolment()
    const done = await confirmTotpEnrolment(await generate({ secret }))
    const codes = done.ok ? done.recoveryCodes : []

    await browserBeforeSecondFactor(member)
    const plain = codes[0]!.replaceAll('-', '')
    expect(await verifySecondFactor({ kind: 'recovery', code: plain })).toEqual({
      ok: true,
      recoveryCodesLeft: 9,
    })
    const again = await browserBeforeSecondFactor(member)
    expect(await verifySecondFactor({ kind: 'recovery', code: plain })).toEqual({
      ok: false,
      triesLeft: 4,
    })
    expect((await sessionRow(again))!.secondFactorAt).toBeNull()
    expect(
      await verifySecondFactor({ kind: 'recovery', code: codes[1]!.replaceAll('-', '') }),
    ).toEqual({ ok: true, recoveryCodesLeft: 8 })
    const audit = (await actions(member.userId)).map((a) => a.action)
    expect(audit.filter((a) => a === 'auth.recovery_code_used')).toHaveLength(2)
  })

  it('end the session at the fifth wrong code; the person starts again', async () => {
    const member = await enrolledCaseworker()
    const token = await browserBeforeSecondFactor(member)
    for (const left of [4, 3, 2, 1])
      expect(await verifySecondFactor({ kind: 'totp', code: '000000' })).toEqual({
        ok: false,
        triesLeft: left,
      })
    expect(await verifySecondFactor({ kind: 'recovery', code: '0000000000AA' })).toEqual({
      ok: false,
      triesLeft: 0,
    })
    expect(await sessionRow(token)).toBeUndefined()
    // The right code no longer helps: this session is gone.
    const code = await generate({ secret: member.secret })
    expect(await refusal(verifySecondFactor({ kind: 'totp', code }))).toEqual(
      new AccessDenied('unauthenticated'),
    )
    const audit = await actions(member.userId)
    expect(audit).toHaveLength(5)
    expect(audit[4]!.details).toMatchObject({ triesLeft: 0, sessionEnded: true })
  })

  it('are not for applicants or staff already past the second factor', async () => {
    const member = await enrolledCaseworker()
    await actAs(member.email)
    expect(await refusal(verifySecondFactor({ kind: 'totp', code: '123456' }))).toEqual(
      new AccessDenied('not_found'),
    )
    await actAs(`applicant.${member.userId.slice(0, 8)}@example.org`)
    expect(await refusal(verifySecondFactor({ kind: 'totp', code: '123456' }))).toEqual(
      new AccessDenied('not_found'),
    )
    await actAs(null)
    expect(await refusal(verifySecondFactor({ kind: 'totp', code: '123456' }))).toEqual(
      new AccessDenied('unauthenticated'),
    )
  })
})
