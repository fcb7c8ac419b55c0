// Issue 15 (SECURITY.md SN-03): a person lists their sessions and ends the others, through the
// real Auth.js session lookup (only next/headers and React's cache are stood in for).
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import {
  endOtherSessionsAction,
  endSessionAction,
} from '@/app/[locale]/(public)/account/sessions/actions'
import { getDb } from '@/db'
import { auditEvents, users } from '@/db/schema'
import { AccessDenied } from '../actor'
import { SESSION_COOKIE_NAME } from '../auth/auth'
import { findSession, insertSession, requestWithCookie } from '../testing/session-fixtures'
import { createTestStaff } from '../testing/staff-fixtures'
import { endMyOtherSessions, endMySession } from './end-my-sessions'
import { listMySessions } from './list-my-sessions'

vi.mock('react', async (original) => ({
  ...(await original<typeof import('react')>()),
  cache: <T>(fn: T) => fn,
}))
vi.mock('next/headers', async () => (await import('../testing/request-context')).nextHeadersMock)

async function newApplicant(): Promise<string> {
  const db = await getDb()
  const [row] = await db
    .insert(users)
    .values({ email: `mine.${randomUUID().slice(0, 8)}@example.org` })
    .returning({ id: users.id })
  return row!.id
}

/** Someone signed in on three browsers, and a stranger with one. */
async function people() {
  const me = await newApplicant()
  const here = await insertSession(me, { signedIn: 5, browser: 'Chrome', os: 'Android' })
  const laptop = await insertSession(me, {
    signedIn: 60,
    idle: 3,
    browser: 'Firefox',
    os: 'Windows',
  })
  const tablet = await insertSession(me, { signedIn: 90, idle: 20, browser: 'Safari', os: 'iOS' })
  const stranger = await newApplicant()
  const theirs = await insertSession(stranger)
  return { me, here, laptop, tablet, stranger, theirs }
}

const asMe = (token: string) =>
  requestWithCookie(SESSION_COOKIE_NAME, token, '/en/account/sessions')
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  )
async function auditOf(userId: string) {
  const db = await getDb()
  return db
    .select({
      action: auditEvents.action,
      entityId: auditEvents.entityId,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .where(eq(auditEvents.actorUserId, userId))
}
const form = (fields: Record<string, string> = {}) => {
  const data = new FormData()
  for (const [k, v] of Object.entries(fields)) data.set(k, v)
  return data
}
const ctx = { locale: 'en', returnTo: '/en/account/sessions', area: 'account' }

beforeAll(async () => {
  await getDb()
})

describe('my sessions', () => {
  it('lists mine only, this device first, with names and times and never a token', async () => {
    const p = await people()
    asMe(p.here.token)
    const mine = await listMySessions()
    expect(mine.holder).toBe('applicant')
    expect(mine.sessions.map((s) => [s.id, s.current, s.browser, s.os])).toEqual([
      [p.here.id, true, 'Chrome', 'Android'],
      [p.laptop.id, false, 'Firefox', 'Windows'],
      [p.tablet.id, false, 'Safari', 'iOS'],
    ])
    expect(Object.keys(mine.sessions[0]!).sort()).toEqual(
      ['browser', 'current', 'id', 'lastSeenAt', 'os', 'startedAt'].sort(),
    )
    const text = JSON.stringify(mine)
    for (const token of [p.here.token, p.laptop.token, p.tablet.token, p.theirs.token])
      expect(text).not.toContain(token)
    expect(text).not.toContain(p.theirs.id)
  })

  it('leaves out sessions already past their limits', async () => {
    const staff = await createTestStaff('caseworker', 34)
    const here = await insertSession(staff.userId)
    const idle = await insertSession(staff.userId, { signedIn: 30, idle: 20 })
    asMe(here.token)
    const mine = await listMySessions()
    expect(mine.holder).toBe('staff')
    expect(mine.sessions.map((s) => s.id)).toEqual([here.id])
    expect(await findSession(idle.token)).not.toBeNull()
  })

  it('ends one other session, audited; that browser is signed out on its next request', async () => {
    const p = await people()
    asMe(p.here.token)
    await endMySession({ sessionId: p.laptop.id })
    expect(await findSession(p.laptop.token)).toBeNull()
    expect(await findSession(p.tablet.token)).not.toBeNull()
    expect(await findSession(p.here.token)).not.toBeNull()
    expect(await auditOf(p.me)).toEqual([
      { action: 'auth.session_ended', entityId: p.laptop.id, details: {} },
    ])
    asMe(p.laptop.token)
    expect(((await refusal(listMySessions())) as AccessDenied).reason).toBe('unauthenticated')
  })

  it('finds nothing by someone else’s session id, or this device’s; nothing changes', async () => {
    const p = await people()
    asMe(p.here.token)
    for (const sessionId of [p.theirs.id, p.here.id, randomUUID()]) {
      const error = await refusal(endMySession({ sessionId }))
      expect((error as AccessDenied).reason).toBe('not_found')
    }
    for (const s of [p.theirs, p.here, p.laptop, p.tablet])
      expect(await findSession(s.token)).not.toBeNull()
    expect(await auditOf(p.me)).toEqual([])
  })

  it('ends all my other sessions and keeps this one and everyone else’s', async () => {
    const p = await people()
    asMe(p.here.token)
    expect(await endMyOtherSessions()).toBe(2)
    expect(await findSession(p.here.token)).not.toBeNull()
    expect(await findSession(p.laptop.token)).toBeNull()
    expect(await findSession(p.tablet.token)).toBeNull()
    expect(await findSession(p.theirs.token)).not.toBeNull()
    const [audit] = await auditOf(p.me)
    expect(audit).toMatchObject({ action: 'auth.other_sessions_ended', entityId: p.me })
    expect((audit!.details as { sessions: string[] }).sessions.sort()).toEqual(
      [p.laptop.id, p.tablet.id].sort(),
    )
    asMe(p.here.token)
    expect((await listMySessions()).sessions.map((s) => s.id)).toEqual([p.here.id])
  })

  it('the forms: success goes back to the list; a guessed id is 404; signed out goes to sign-in', async () => {
    const p = await people()
    const digest = async (run: () => Promise<unknown>) => {
      try {
        await run()
      } catch (error) {
        return (error as { digest?: string }).digest ?? String(error)
      }
      return 'answered'
    }
    asMe(p.here.token)
    expect(await digest(() => endSessionAction(ctx, {}, form({ sessionId: p.tablet.id })))).toMatch(
      /^NEXT_REDIRECT;replace;\/en\/account\/sessions\?done=ended;/,
    )
    asMe(p.here.token)
    expect(await digest(() => endSessionAction(ctx, {}, form({ sessionId: p.theirs.id })))).toMatch(
      /^NEXT_HTTP_ERROR_FALLBACK;404/,
    )
    expect(await findSession(p.theirs.token)).not.toBeNull()
    asMe(p.here.token)
    expect(await endSessionAction(ctx, {}, form({ sessionId: 'not-an-id' }))).toMatchObject({
      fieldErrors: { sessionId: 'validation:unexpected' },
    })
    asMe(p.here.token)
    expect(
      await digest(() =>
        endOtherSessionsAction(
          { ...ctx, area: 'staff', returnTo: '/en/staff/sessions' },
          {},
          form(),
        ),
      ),
    ).toMatch(/^NEXT_REDIRECT;replace;\/en\/staff\/sessions\?done=others_ended;/)
    expect(await findSession(p.laptop.token)).toBeNull()
    requestWithCookie(SESSION_COOKIE_NAME, null)
    expect(await digest(() => endOtherSessionsAction(ctx, {}, form()))).toMatch(
      /^NEXT_REDIRECT;replace;\/en\/sign-in\?callbackUrl=/,
    )
    expect(await findSession(p.here.token)).not.toBeNull()
  })
})
