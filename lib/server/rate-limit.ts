import 'server-only'
import { createHmac } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { queryRows } from '@/db/client'
import { rateLimitCounters } from '@/db/schema'
import { authSecret } from './env'

export type RateLimitRule = { bucket: string; limit: number; windowSeconds: number }
export type RateLimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number }

/** Refusal that the API answers with 429 and `Retry-After`, and pages with a message. */
export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited')
  }
}

/**
 * Counts one request for `subject` in a fixed window, in one atomic statement, so parallel
 * requests on any number of server processes see the same count. It runs in its own
 * statement, outside the work it guards: a refused or failed attempt still counts.
 */
export async function hitRateLimit(
  rule: RateLimitRule,
  subject: string,
): Promise<RateLimitDecision> {
  const db = await getDb()
  const windowOver = sql`${rateLimitCounters.windowStartedAt} <= now() - make_interval(secs => ${rule.windowSeconds})`
  const [row] = await queryRows<{ hits: number; retry_after: number }>(
    db,
    sql`insert into ${rateLimitCounters} (bucket, subject, window_started_at, hits)
        values (${rule.bucket}, ${subject}, now(), 1)
        on conflict (bucket, subject) do update set
          hits = case when ${windowOver} then 1 else ${rateLimitCounters.hits} + 1 end,
          window_started_at = case when ${windowOver} then now()
                                   else ${rateLimitCounters.windowStartedAt} end
        returning hits,
          ceil(extract(epoch from (window_started_at + make_interval(secs => ${rule.windowSeconds}) - now())))::int as retry_after`,
  )
  if (!row || Number(row.hits) <= rule.limit) return { ok: true }
  return { ok: false, retryAfterSeconds: Math.max(1, Number(row.retry_after)) }
}

/** Throws `RateLimited` when any of the rules is over its limit; every rule is counted. */
export async function enforceRateLimits(
  checks: ReadonlyArray<{ rule: RateLimitRule; subject: string }>,
): Promise<void> {
  let wait = 0
  for (const { rule, subject } of checks) {
    const decision = await hitRateLimit(rule, subject)
    if (!decision.ok) wait = Math.max(wait, decision.retryAfterSeconds)
  }
  if (wait > 0) throw new RateLimited(wait)
}

/** An address as a keyed hash: counters never store who connected from where. */
export function addressSubject(address: string): string {
  return createHmac('sha256', authSecret()).update(`address:${address}`).digest('base64url')
}

/**
 * The client's address. Behind a reverse proxy the last `X-Forwarded-For` entry is the one the
 * proxy saw; TRUSTED_PROXY_HOPS says how many proxies append to it (default 1). Without it
 * all requests share one counter, which fails safe (stricter), not open.
 */
export function clientAddress(headers: Headers): string {
  const hops = Math.max(1, Number(process.env.TRUSTED_PROXY_HOPS ?? 1) || 1)
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  return chain[chain.length - hops] ?? chain[0] ?? 'unknown'
}
