import 'server-only'
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { and, eq, gt, lt, sql } from 'drizzle-orm'
import { getDb, type Db } from '@/db'
import { signInChallenges, staffMembers, users, verificationTokens } from '@/db/schema'
import type { Locale } from '@/lib/domain/locales'
import {
  looksLikeSignInCode,
  SIGN_IN_CODE_TTL_SECONDS,
  SIGN_IN_MAX_CODES_PER_WINDOW,
  SIGN_IN_MAX_WRONG_ATTEMPTS,
  SIGN_IN_SEND_WINDOW_SECONDS,
  type SignInAudience,
} from '@/lib/domain/sign-in-code'
import { writeAudit } from './audit'
import { authSecret, signInCodesPerClient } from './env'
import { addressSubject, enforceRateLimits, RateLimited, type RateLimitRule } from './rate-limit'

export type SignInBinding = {
  email: string
  binding: string
  audience: SignInAudience
  locale: Locale
  callbackUrl: string
}

/** Who asks: the client address (lib/server/http/request-origin) and, when this browser has
 * signed in to the address before, its device id (auth/device-cookie). */
export type SignInRequester = { clientAddress: string; trustedDevice: string | null }

const rule = (bucket: string, limit: number): RateLimitRule => ({
  bucket,
  limit,
  windowSeconds: SIGN_IN_SEND_WINDOW_SECONDS,
})
const SIGN_IN_LIMITS = {
  perAddress: rule('sign-in-code:address', SIGN_IN_MAX_CODES_PER_WINDOW),
  perDevice: rule('sign-in-code:device', SIGN_IN_MAX_CODES_PER_WINDOW),
  perClient: () => rule('sign-in-code:client', signInCodesPerClient()),
}

const keyed = (text: string) => createHmac('sha256', authSecret()).update(text).digest('base64url')

/**
 * Every request for a code counts against the client address's limit. It also counts against
 * the e-mail address's shared limit, unless it comes from a browser that has signed in to that
 * address before: that browser has a limit of its own, which no one else can use up.
 */
async function countCodeRequest(email: string, who: SignInRequester): Promise<void> {
  await enforceRateLimits([
    { rule: SIGN_IN_LIMITS.perClient(), subject: addressSubject(who.clientAddress) },
    who.trustedDevice
      ? { rule: SIGN_IN_LIMITS.perDevice, subject: keyed(`device:${who.trustedDevice}:${email}`) }
      : { rule: SIGN_IN_LIMITS.perAddress, subject: keyed(`email:${email}`) },
  ])
}

export type StartSignInResult =
  | { ok: true; binding: SignInBinding }
  | { ok: false; error: 'too_many_codes'; retryAfterSeconds: number }

export type CodeAttemptResult =
  { ok: true } | { ok: false; reason: 'no_challenge' | 'wrong_code' | 'too_many_attempts' }

const hashBinding = (binding: string) => createHash('sha256').update(binding).digest('hex')

/** Same normalisation as Auth.js, so our records and its tokens name the same address. */
export function normaliseEmail(email: string): string {
  return email.normalize('NFKC').toLowerCase().trim()
}

async function isActiveStaff(email: string): Promise<boolean> {
  const db = await getDb()
  const [row] = await db
    .select({ active: staffMembers.active })
    .from(staffMembers)
    .innerJoin(users, eq(users.id, staffMembers.userId))
    .where(eq(users.email, email))
  return row?.active === true
}

/**
 * Opens a sign-in for an address and, where allowed, e-mails a code. For the staff area an
 * address without an active staff account gets no mail but the same next page, so the answer
 * never tells whether an account exists. The limits are checked first: a refused request
 * changes nothing, so it cannot replace the code its owner is about to type.
 */
export async function startSignIn(
  input: { email: string; audience: SignInAudience; locale: Locale; callbackUrl: string },
  who: SignInRequester,
  sendCode: (email: string, callbackUrl: string) => Promise<unknown>,
): Promise<StartSignInResult> {
  const email = normaliseEmail(input.email)
  try {
    await countCodeRequest(email, who)
  } catch (error) {
    if (!(error instanceof RateLimited)) throw error
    return {
      ok: false,
      error: 'too_many_codes',
      retryAfterSeconds: Math.max(error.retryAfterSeconds, 60),
    }
  }
  const db = await getDb()
  const binding = randomBytes(32).toString('base64url')
  const windowExpired = sql`${signInChallenges.windowStartedAt} <= now() - make_interval(secs => ${SIGN_IN_SEND_WINDOW_SECONDS})`
  // The send counters stay as a record; the limits are the rate-limit counters above.
  await db
    .insert(signInChallenges)
    .values({
      identifier: email,
      audience: input.audience,
      bindingHash: hashBinding(binding),
      attempts: 0,
      sendCount: 1,
      expiresAt: sql`now() + make_interval(secs => ${SIGN_IN_CODE_TTL_SECONDS})`,
    })
    .onConflictDoUpdate({
      target: signInChallenges.identifier,
      set: {
        audience: input.audience,
        bindingHash: hashBinding(binding),
        attempts: 0,
        expiresAt: sql`excluded.expires_at`,
        sendCount: sql`case when ${windowExpired} then 1 else ${signInChallenges.sendCount} + 1 end`,
        windowStartedAt: sql`case when ${windowExpired} then now() else ${signInChallenges.windowStartedAt} end`,
      },
    })
  if (input.audience === 'applicant' || (await isActiveStaff(email))) {
    await sendCode(email, input.callbackUrl)
  }
  return {
    ok: true,
    binding: {
      email,
      binding,
      audience: input.audience,
      locale: input.locale,
      callbackUrl: input.callbackUrl,
    },
  }
}

/**
 * Counts one try of a code before Auth.js checks it. The try is refused when the browser is
 * not the one that asked for the code, the sign-in has expired, or the tries are used up.
 */
export async function recordCodeAttempt(
  binding: SignInBinding,
  email: string,
  code: string,
): Promise<CodeAttemptResult> {
  if (normaliseEmail(email) !== binding.email) return { ok: false, reason: 'no_challenge' }
  if (!looksLikeSignInCode(code)) return { ok: false, reason: 'wrong_code' }
  const db = await getDb()
  const counted = await db
    .update(signInChallenges)
    .set({ attempts: sql`${signInChallenges.attempts} + 1` })
    .where(
      and(
        eq(signInChallenges.identifier, binding.email),
        eq(signInChallenges.bindingHash, hashBinding(binding.binding)),
        gt(signInChallenges.expiresAt, sql`now()`),
        lt(signInChallenges.attempts, SIGN_IN_MAX_WRONG_ATTEMPTS),
      ),
    )
    .returning({ attempts: signInChallenges.attempts })
  if (counted.length > 0) return { ok: true }
  const [row] = await db
    .select({ attempts: signInChallenges.attempts })
    .from(signInChallenges)
    .where(
      and(
        eq(signInChallenges.identifier, binding.email),
        eq(signInChallenges.bindingHash, hashBinding(binding.binding)),
      ),
    )
  if (row && row.attempts >= SIGN_IN_MAX_WRONG_ATTEMPTS) {
    await db.delete(verificationTokens).where(eq(verificationTokens.identifier, binding.email))
    return { ok: false, reason: 'too_many_attempts' }
  }
  return { ok: false, reason: 'no_challenge' }
}

/** After Auth.js answered: a success closes the sign-in, a failure is audited. */
export async function finishCodeAttempt(binding: SignInBinding, succeeded: boolean): Promise<void> {
  const db = await getDb()
  await db.transaction(async (tx) => {
    if (succeeded) {
      await tx.delete(signInChallenges).where(eq(signInChallenges.identifier, binding.email))
    } else {
      await auditRejectedCode(tx, binding, 'wrong_code')
    }
  })
}

/**
 * SECURITY.md AD-01: every refused code try is one audit row, whatever refused it (a wrong
 * code, used-up tries, another browser, no sign-in at all). The account tried is named by its
 * id, none for an unknown address; the address and the code never enter the trail.
 */
export async function auditRejectedCode(
  db: Pick<Db, 'insert' | 'select'>,
  binding: SignInBinding | null,
  reason: Extract<CodeAttemptResult, { ok: false }>['reason'],
): Promise<void> {
  const [user] = binding
    ? await db.select({ id: users.id }).from(users).where(eq(users.email, binding.email))
    : []
  await writeAudit(db, {
    actorUserId: null,
    action: 'auth.code_rejected',
    entityType: 'user',
    entityId: user?.id ?? null,
    details: { reason, ...(binding && { audience: binding.audience }) },
  })
}
