// The sign-in forms as an attacker sees them (issue 14): the same answer for every kind of
// address, and limits per address and per client that its owner's browser is not held by.
import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { getDb } from '@/db'
import { outboxMessages } from '@/db/schema'
import { forgetCodeRequests } from '../testing/sign-in-limits'
import {
  SIGN_IN_MAX_CODES_PER_CLIENT,
  SIGN_IN_MAX_CODES_PER_WINDOW,
} from '@/lib/domain/sign-in-code'

// What the action reads from and writes to the request: headers, and cookies in both ways.
const request = vi.hoisted(() => ({
  address: '203.0.113.1',
  cookies: new Map<string, string>(),
  set: [] as { name: string; value: string }[],
}))
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-forwarded-for': request.address }),
  cookies: async () => ({
    get: (name: string) =>
      request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined,
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
    set: (name: string | { name: string; value: string }, value?: string) => {
      const cookie = typeof name === 'string' ? { name, value: value ?? '' } : name
      request.set.push({ name: cookie.name, value: cookie.value })
    },
    delete: (name: string) => request.set.push({ name, value: '' }),
  }),
}))

const { requestSignInCodeAction } = await import('@/app/[locale]/(public)/sign-in/actions')
const { deviceCookieHeader, DEVICE_COOKIE } = await import('./device-cookie')

type Audience = 'applicant' | 'staff'
const unique = (tag: string) => `${tag}.${randomBytes(4).toString('hex')}@example.org`
const newClient = () => `203.0.113.${randomBytes(3).toString('hex')}`

/** One form post, as the browser sends it: what came back, which cookies and where to. */
async function ask(email: string, audience: Audience, { device }: { device?: string } = {}) {
  request.set = []
  request.cookies = new Map(device ? [[DEVICE_COOKIE, device]] : [])
  const form = new FormData()
  form.set('email', email)
  let state: unknown = null
  let redirectTo: string | null = null
  try {
    state = await requestSignInCodeAction({ audience, locale: 'en' }, {}, form)
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? ''
    if (!digest.startsWith('NEXT_REDIRECT')) throw error
    redirectTo = digest.split(';')[2] ?? ''
  }
  const cookies = request.set.map((c) => c.name).sort()
  return { state, redirectTo, cookies }
}

async function mailsTo(email: string) {
  const db = await getDb()
  return db.select().from(outboxMessages).where(eq(outboxMessages.recipient, email))
}

/** A device cookie from a successful sign-in as `email`, as code-callback.ts sets it. */
const deviceFor = (email: string) => /=([^;]+)/.exec(deviceCookieHeader(email))![1]!

beforeAll(async () => {
  await getDb()
  await forgetCodeRequests(
    'caseworker.izmir@example.org',
    'former.caseworker@example.org',
    'john.smith@example.org',
  )
})

describe('both sign-in forms answer every address the same way', () => {
  const addresses = {
    staff: 'caseworker.izmir@example.org',
    deactivated: 'former.caseworker@example.org',
    applicant: 'john.smith@example.org',
    unknown: () => unique('nobody'),
  }

  for (const audience of ['staff', 'applicant'] as const) {
    it(`on the ${audience} form: status, cookies and body`, async () => {
      const answers = []
      for (const [kind, email] of Object.entries(addresses)) {
        request.address = newClient()
        const address = typeof email === 'function' ? email() : email
        answers.push({ kind, ...(await ask(address, audience)) })
      }
      const first = answers[0]!
      expect(first.redirectTo).toBe(`/en${audience === 'staff' ? '/staff' : ''}/sign-in/code`)
      expect(first.cookies).toEqual(['ikamet.sign-in'])
      for (const answer of answers) {
        expect({ ...answer, kind: first.kind }).toEqual(first)
      }
    })
  }

  it('still sends the code only where one may sign in', async () => {
    const before = (await mailsTo('former.caseworker@example.org')).length
    request.address = newClient()
    await ask('former.caseworker@example.org', 'staff')
    expect(await mailsTo('former.caseworker@example.org')).toHaveLength(before)
  })
})

describe('limits on sign-in codes', () => {
  it(`gives one client address at most ${SIGN_IN_MAX_CODES_PER_CLIENT} codes, for any addresses`, async () => {
    request.address = newClient()
    for (let i = 0; i < SIGN_IN_MAX_CODES_PER_CLIENT; i++) {
      expect((await ask(unique('spray'), 'applicant')).redirectTo).toContain('/sign-in/code')
    }
    const refused = unique('spray')
    const answer = await ask(refused, 'applicant')
    expect(answer.redirectTo).toBeNull()
    expect(answer.state).toMatchObject({ formError: { key: 'auth:signIn.tooManyCodes' } })
    expect(answer.cookies).toEqual([])
    expect(await mailsTo(refused)).toHaveLength(0)
    // Another client is not held by it.
    request.address = newClient()
    expect((await ask(unique('other'), 'applicant')).redirectTo).toContain('/sign-in/code')
  })

  it(`gives one address at most ${SIGN_IN_MAX_CODES_PER_WINDOW} codes, from any clients`, async () => {
    const victim = unique('victim')
    for (let i = 0; i < SIGN_IN_MAX_CODES_PER_WINDOW; i++) {
      request.address = newClient()
      expect((await ask(victim, 'applicant')).redirectTo).toContain('/sign-in/code')
    }
    request.address = newClient()
    expect(await ask(victim, 'applicant')).toMatchObject({
      redirectTo: null,
      state: { formError: { key: 'auth:signIn.tooManyCodes' } },
    })
    expect(await mailsTo(victim)).toHaveLength(SIGN_IN_MAX_CODES_PER_WINDOW)
  })

  it('lets the browser that signed in before get a code after an attacker used up the limit', async () => {
    const victim = unique('owner')
    const ownBrowser = deviceFor(victim)
    for (let i = 0; i <= SIGN_IN_MAX_CODES_PER_WINDOW; i++) {
      request.address = newClient()
      await ask(victim, 'applicant')
    }
    request.address = newClient()
    // A forged cookie, and a genuine one from a sign-in to another address, do not help.
    const forged = `${ownBrowser.split('.')[0]}.${'A'.repeat(43)}`
    expect((await ask(victim, 'applicant', { device: forged })).redirectTo).toBeNull()
    expect(
      (await ask(victim, 'applicant', { device: deviceFor(unique('x')) })).redirectTo,
    ).toBeNull()
    const mailsBefore = (await mailsTo(victim)).length
    const own = await ask(victim, 'applicant', { device: ownBrowser })
    expect(own.redirectTo).toBe('/en/sign-in/code')
    expect(await mailsTo(victim)).toHaveLength(mailsBefore + 1)
  })
})
