import 'server-only'
import { createHmac } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { queryRows } from '@/db/client'
import { authSecret } from './env'

export type RateLimitRule = { bucket: string; limit: number; windowSeconds: number }
export type RateLimitCheck = { rule: RateLimitRule; subject: string }

/** Refusal that the API answers with 429 and `Retry-After`, and pages with a message. */
export class RateLimited extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    /** What a form shows; a limit counted in hours says so rather than in seconds. */
    readonly messageKey = 'common:errors.rate_limited',
  ) {
    super('rate_limited')
  }
}

/**
 * Counts one request against each rule in fixed windows, all in one atomic statement, so
 * parallel requests on any number of server processes see the same counts. It runs outside
 * the work it guards: a refused or failed attempt still counts. Throws `RateLimited` with
 * the longest wait when any rule is over its limit.
 */
export async function enforceRateLimits(checks: readonly RateLimitCheck[]): Promise<void> {
  if (checks.length === 0) return
  const db = await getDb()
  const rows = await queryRows<{ bucket: string; subject: string; hits: number; wait: number }>(
    db,
    sql`insert into rate_limit_counters as c (bucket, subject, window_started_at, window_seconds, hits)
        values ${sql.join(
          checks.map(
            ({ rule, subject }) =>
              sql`(${rule.bucket}, ${subject}, now(), ${rule.windowSeconds}, 1)`,
          ),
          sql`, `,
        )}
        on conflict (bucket, subject) do update set
          hits = case when c.window_started_at <= now() - make_interval(secs => excluded.window_seconds)
                      then 1 else c.hits + 1 end,
          window_started_at = case
                      when c.window_started_at <= now() - make_interval(secs => excluded.window_seconds)
                      then now() else c.window_started_at end,
          window_seconds = excluded.window_seconds
        returning bucket, subject, hits,
          ceil(extract(epoch from (window_started_at + make_interval(secs => window_seconds) - now())))::int as wait`,
  )
  let wait = 0
  for (const row of rows) {
    const check = checks.find((c) => c.rule.bucket === row.bucket && c.subject === row.subject)
    if (check && Number(row.hits) > check.rule.limit) wait = Math.max(wait, Number(row.wait), 1)
  }
  if (wait > 0) throw new RateLimited(wait)
}

/** An address as a keyed hash: counters never store who connected from where. */
export function addressSubject(address: string): string {
  return createHmac('sha256', authSecret()).update(`address:${address}`).digest('base64url')
}
