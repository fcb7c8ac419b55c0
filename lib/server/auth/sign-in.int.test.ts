import { randomBytes } from 'node:crypto'
import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm'
import { NextRequest } from 'next/server'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDb, type Db } from '@/db'
import {
  auditEvents,
  outboxMessages,
  sessions,
  signInChallenges,
  users,
  verificationTokens,
} from '@/db/schema'
import { SIGN_IN_MAX_CODES_PER_WINDOW, SIGN_IN_MAX_WRONG_ATTEMPTS } from '@/lib/domain/sign-in-code'
import { startSignIn, type SignInBinding } from '../sign-in'
import { handlers } from './auth'
import { GET, POST } from '@/app/api/auth/[...nextauth]/route'
import { handleCodeCallback } from './code-callback'
import { emailCodeProvider } from './email-code-provider'
import { encodeBinding, SIGN_IN_COOKIE } from './sign-in-cookie'
import { authSecret } from '../env'
import { forgetCodeRequests } from '../testing/sign-in-limits'

const BASE = 'http://localhost:3000'
let db: Db

beforeAll(async () => {
  db = await getDb()
  await forgetCodeRequests(
    'caseworker.ankara@example.org',
    'supervisor.istanbul@example.org',
    'former.caseworker@example.org',
  )
})

const uniqueEmail = (tag: string) => `${tag}.${randomBytes(4).toString('hex')}@example.org`

/** Sends a code the way Auth.js does: the provider generates it and writes token and mail. */
async function sendCode(email: string, callbackUrl: string): Promise<void> {
  const provider = emailCodeProvider(db, authSecret())
  const token = await provider.generateVerificationToken!()
  const url = `${BASE}/api/auth/callback/email-code?${new URLSearchParams({ callbackUrl: `${BASE}${callbackUrl}`, token, email })}`
  await provider.sendVerificationRequest({
    identifier: email,
    token,
    url,
    expires: new Date(Date.now() + provider.maxAge! * 1000),
    provider: provider as never,
    theme: {},
    request: new Request(url),
  })
}

// Each request from its own client address: these tests are about the address's limits.
const someClient = () => ({
  clientAddress: `198.51.100.${randomBytes(2).toString('hex')}`,
  trustedDevice: null,
})

async function open(email: string, audience: 'applicant' | 'staff' = 'applicant') {
  const result = await startSignIn(
    { email, audience, locale: 'en', callbackUrl: '/en/applications' },
    someClient(),
    sendCode,
  )
  if (!result.ok) throw new Error('sign-in refused')
  return result.binding
}

async function latestCode(email: string): Promise<string | null> {
  const [row] = await db
    .select({ body: outboxMessages.body })
    .from(outboxMessages)
    .where(eq(outboxMessages.recipient, email))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(1)
  return row?.body.match(/^\d{6}$/m)?.[0] ?? null
}

async function tryCode(
  binding: SignInBinding | null,
  email: string,
  code: string,
): Promise<Response> {
  const url = `${BASE}/api/auth/callback/email-code`
  const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded' })
  if (binding) headers.set('cookie', `${SIGN_IN_COOKIE}=${encodeBinding(binding)}`)
  const body = new URLSearchParams({ token: code, email, callbackUrl: `${BASE}/en/applications` })
  return handleCodeCallback(
    new NextRequest(url, { method: 'POST', headers, body: body.toString() }),
    handlers.GET,
  )
}

const wrongCodeFor = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

describe('sign-in with an e-mailed code', () => {
  it('signs in with the right code, from the browser that asked, and only once', async () => {
    const email = uniqueEmail('once')
    const binding = await open(email)
    const code = await latestCode(email)
    expect(code).toMatch(/^\d{6}$/)

    const ok = await tryCode(binding, email, code!)
    expect(ok.status).toBe(302)
    // Path only: the browser stays on the host it used (127.0.0.1, a proxy's name …).
    expect(ok.headers.get('location')).toBe('/en/applications')
    expect(ok.headers.get('set-cookie')).toContain('ikamet.session=')
    // This browser is now one that has signed in to the address (auth/device-cookie).
    expect(ok.headers.get('set-cookie')).toMatch(/ikamet\.device=[\w-]{22}\.[\w-]{43}; /)
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email))
    expect(await db.select().from(sessions).where(eq(sessions.userId, user!.id))).toHaveLength(1)

    // The same code again, in a new sign-in from the same browser, does not work.
    const again = await startSignIn(
      { email, audience: 'applicant', locale: 'en', callbackUrl: '/en/applications' },
      someClient(),
      async () => {},
    )
    if (!again.ok) throw new Error('sign-in refused')
    const replay = await tryCode(again.binding, email, code!)
    expect(replay.headers.get('location')).toContain('error=wrong_code')
  })

  it('takes the code only from a POST body, never from the address', async () => {
    const email = uniqueEmail('query')
    const binding = await open(email)
    const code = (await latestCode(email))!
    const query = new URLSearchParams({ token: code, email, callbackUrl: '/en/applications' })
    const cookie = `${SIGN_IN_COOKIE}=${encodeBinding(binding)}`
    const asGet = await GET(
      new NextRequest(`${BASE}/api/auth/callback/email-code?${query}`, { headers: { cookie } }),
    )
    expect(asGet.status).toBe(404)
    // A POST with the code in the address and an empty body is refused: nothing to check.
    const inQuery = await POST(
      new NextRequest(`${BASE}/api/auth/callback/email-code?${query}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: '',
      }),
    )
    expect(inQuery.headers.get('location')).toContain('/en/sign-in/code?error=')
    expect(inQuery.headers.get('set-cookie') ?? '').not.toContain('ikamet.session=')
    // A post from another site is refused like a missing sign-in, before the code is tried.
    const crossSite = await POST(
      new NextRequest(`${BASE}/api/auth/callback/email-code`, {
        method: 'POST',
        headers: {
          cookie,
          origin: 'https://evil.example',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: query.toString(),
      }),
    )
    expect(crossSite.headers.get('location')).toContain('error=no_challenge')
    expect((await tryCode(binding, email, code)).headers.get('location')).toBe('/en/applications')
  })

  it('reads a code typed in Persian or Arabic-Indic digits as the same code', async () => {
    const persian = (code: string) => code.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!)
    const email = uniqueEmail('persian')
    const binding = await open(email)
    const code = (await latestCode(email))!
    // Typed with a space in the middle, as people copy it from the e-mail.
    const typed = `${persian(code.slice(0, 3))} ${code.slice(3).replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!)}`
    const ok = await tryCode(binding, email, typed)
    expect(ok.status).toBe(302)
    expect(ok.headers.get('location')).toBe('/en/applications')
    expect(ok.headers.get('set-cookie')).toContain('ikamet.session=')
  })

  it('writes the code and its e-mail together, valid for ten minutes', async () => {
    const email = uniqueEmail('ttl')
    await open(email)
    const [token] = await db
      .select()
      .from(verificationTokens)
      .where(eq(verificationTokens.identifier, email))
    const minutes = (token!.expires.getTime() - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(9.5)
    expect(minutes).toBeLessThanOrEqual(10)
    const mails = await db.select().from(outboxMessages).where(eq(outboxMessages.recipient, email))
    expect(mails).toHaveLength(1)
    expect(mails[0]!.status).toBe('pending')
    // The code is in both parts of the body, never in the subject that lock screens show.
    const code = await latestCode(email)
    expect(code).toMatch(/^\d{6}$/)
    expect(mails[0]!.subject).not.toMatch(/\d/)
    expect(mails[0]!.html).toMatch(new RegExp(`<span dir="ltr"[^>]*>${code}</span>`))
  })

  it('refuses an expired code', async () => {
    const email = uniqueEmail('expired')
    const binding = await open(email)
    const code = (await latestCode(email))!
    await db
      .update(verificationTokens)
      .set({ expires: sql`now() - interval '1 second'` })
      .where(eq(verificationTokens.identifier, email))
    const res = await tryCode(binding, email, code)
    expect(res.headers.get('location')).toContain('/en/sign-in/code?error=wrong_code')
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0)
  })

  it(`stops after ${SIGN_IN_MAX_WRONG_ATTEMPTS} tries, even when the right code comes next`, async () => {
    const email = uniqueEmail('guess')
    const binding = await open(email)
    const code = (await latestCode(email))!
    for (let i = 0; i < SIGN_IN_MAX_WRONG_ATTEMPTS; i++) {
      const res = await tryCode(binding, email, wrongCodeFor(code))
      expect(res.headers.get('location')).toContain('error=wrong_code')
    }
    const late = await tryCode(binding, email, code)
    expect(late.headers.get('location')).toContain('error=too_many_attempts')
    expect(
      await db.select().from(verificationTokens).where(eq(verificationTokens.identifier, email)),
    ).toHaveLength(0)
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0)
  })

  it('refuses the right code typed in another browser', async () => {
    const email = uniqueEmail('browser')
    const binding = await open(email)
    const code = (await latestCode(email))!
    const stranger = { ...binding, binding: randomBytes(32).toString('base64url') }
    expect((await tryCode(stranger, email, code)).headers.get('location')).toContain(
      'error=no_challenge',
    )
    expect((await tryCode(null, email, code)).headers.get('location')).toContain(
      '/tr/sign-in?error=no_challenge',
    )
    expect((await tryCode(binding, email, code)).headers.get('location')).toBe('/en/applications')
  })

  it('audits every refused try and the sign-in, naming the account by id, never the address or code', async () => {
    const email = uniqueEmail('audited')
    const [user] = await db.insert(users).values({ email }).returning({ id: users.id })
    const [last] = await db
      .select({ id: sql<number>`coalesce(max(${auditEvents.id}), 0)::int` })
      .from(auditEvents)
    const binding = await open(email)
    const code = (await latestCode(email))!
    await tryCode(binding, email, wrongCodeFor(code))
    await tryCode(binding, email, 'abc')
    await tryCode({ ...binding, binding: randomBytes(32).toString('base64url') }, email, code)
    await tryCode(null, email, code)
    await tryCode(binding, email, code)
    const rows = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          gt(auditEvents.id, last!.id),
          inArray(auditEvents.action, ['auth.code_rejected', 'auth.signed_in']),
        ),
      )
      .orderBy(asc(auditEvents.id))
    // Other test files may write rows meanwhile: only this account's, and the one with none.
    const mine = rows.filter((r) => r.entityId === user!.id || r.entityId === null)
    expect(mine.map((r) => [r.action, r.entityId, r.details])).toEqual([
      ['auth.code_rejected', user!.id, { reason: 'wrong_code', audience: 'applicant' }],
      ['auth.code_rejected', user!.id, { reason: 'wrong_code', audience: 'applicant' }],
      ['auth.code_rejected', user!.id, { reason: 'no_challenge', audience: 'applicant' }],
      ['auth.code_rejected', null, { reason: 'no_challenge' }],
      ['auth.signed_in', user!.id, {}],
    ])
    for (const row of mine) expect(JSON.stringify(row)).not.toMatch(new RegExp(`${email}|${code}`))
  })

  it('limits how many codes one address can ask for', async () => {
    const email = uniqueEmail('flood')
    for (let i = 0; i < SIGN_IN_MAX_CODES_PER_WINDOW; i++) await open(email)
    const refused = await startSignIn(
      { email, audience: 'applicant', locale: 'en', callbackUrl: '/en' },
      someClient(),
      sendCode,
    )
    expect(refused).toMatchObject({ ok: false, error: 'too_many_codes' })
    expect(
      await db.select().from(outboxMessages).where(eq(outboxMessages.recipient, email)),
    ).toHaveLength(SIGN_IN_MAX_CODES_PER_WINDOW)
  })
})

describe('staff sign-in', () => {
  it('mails a code to an active staff account and signs it in', async () => {
    const email = 'caseworker.ankara@example.org'
    await db.delete(signInChallenges).where(eq(signInChallenges.identifier, email))
    const binding = await open(email, 'staff')
    const code = (await latestCode(email))!
    expect((await tryCode(binding, email, code)).headers.get('location')).toBe('/en/applications')
  })

  it('answers a non-staff address exactly like a wrong code, and sends nothing', async () => {
    const outsider = uniqueEmail('outsider')
    const outsiderBinding = await open(outsider, 'staff')
    expect(
      await db.select().from(outboxMessages).where(eq(outboxMessages.recipient, outsider)),
    ).toHaveLength(0)
    expect(
      await db.select().from(verificationTokens).where(eq(verificationTokens.identifier, outsider)),
    ).toHaveLength(0)

    const staff = 'supervisor.istanbul@example.org'
    await db.delete(signInChallenges).where(eq(signInChallenges.identifier, staff))
    const staffBinding = await open(staff, 'staff')
    const staffCode = (await latestCode(staff))!

    const forOutsider = await tryCode(outsiderBinding, outsider, '123456')
    const forStaffWrong = await tryCode(staffBinding, staff, wrongCodeFor(staffCode))
    expect(forOutsider.status).toBe(forStaffWrong.status)
    expect(forOutsider.headers.get('location')).toBe(forStaffWrong.headers.get('location'))
    expect(forOutsider.headers.get('location')).toContain('/en/staff/sign-in/code?error=wrong_code')
    expect(await db.select().from(users).where(eq(users.email, outsider))).toHaveLength(0)
  })

  it('does not mail an inactive staff account', async () => {
    const email = 'former.caseworker@example.org'
    await db.delete(signInChallenges).where(eq(signInChallenges.identifier, email))
    const before = await db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipient, email)))
    await open(email, 'staff')
    expect(
      await db.select().from(outboxMessages).where(eq(outboxMessages.recipient, email)),
    ).toHaveLength(before.length)
  })
})
