import { sql, type SQL } from 'drizzle-orm'
import type { StatusLookupInput } from '@/lib/schemas/status-lookup'
import { foreignerIdHash, passportHash } from '../crypto/identity-numbers'

// The public status lookup in one SQL statement, so it costs one round trip: count the try for
// the client address, read the reference's failure count, look the application up, and count
// a failure against the reference. bench/status-lookup.ts runs this very statement as its
// ceiling, beside the HTTP endpoint.

/**
 * Every try counts against the address. Generous, because mobile carriers put many people
 * behind one address, and the per-reference limit is what stops guessing one person's data.
 */
export const ADDRESS_LIMIT = { bucket: 'status_lookup.address', limit: 60, windowSeconds: 600 }

/**
 * Only failures count against a reference (no lock-out of the real applicant, SECURITY.md
 * LK-02): the person who types their own details correctly never uses this up, however often
 * they look. Unknown references count too, or the limit would tell which references exist.
 * Someone who fails ten times holds the reference's public lookup for at most 15 minutes; its
 * signed-in status page is never limited by this.
 */
export const REFERENCE_FAILURE_LIMIT = {
  bucket: 'status_lookup.reference',
  limit: 10,
  windowSeconds: 900,
}

// The identity numbers are compared by their keyed hashes (SECURITY.md PD-03), in the same
// statement as before; the number typed is never stored or compared in clear.
const DOCUMENT_HASH = {
  passport: { column: sql.raw('a.passport_number_hash'), hash: passportHash },
  foreigner_id: { column: sql.raw('a.foreigner_id_hash'), hash: foreignerIdHash },
} as const

export type StatusLookupRow = {
  address_over: boolean
  reference_over: boolean
  status: string | null
  address_wait: number | null
  reference_wait: number | null
}

/** One fixed-window counter upsert, as in rate-limit.ts, fed by `source` (a row or none). */
function bumpCounter(source: SQL): SQL {
  return sql`insert into rate_limit_counters as c (bucket, subject, window_started_at, window_seconds, hits)
      ${source}
      on conflict (bucket, subject) do update set
        hits = case when c.window_started_at <= now() - make_interval(secs => excluded.window_seconds)
                    then 1 else c.hits + 1 end,
        window_started_at = case
                    when c.window_started_at <= now() - make_interval(secs => excluded.window_seconds)
                    then now() else c.window_started_at end,
        window_seconds = excluded.window_seconds
      returning hits, window_started_at + make_interval(secs => window_seconds) as ends_at`
}

/**
 * Unknown reference and wrong details run the same statement and the same comparison, and
 * both count a failure, so their answers cannot be told apart by status, body or work done.
 * Drafts were never sent, so they are not found, and a restricted case (humanitarian,
 * trafficking victim; issue 13) answers like an unknown one.
 */
export function statusLookupStatement(
  input: StatusLookupInput,
  subjects: { address: string; reference: string },
): SQL {
  const A = ADDRESS_LIMIT
  const R = REFERENCE_FAILURE_LIMIT
  const referenceSubject = sql`${subjects.reference}::text`
  const document = DOCUMENT_HASH[input.document.kind]
  return sql`with addr as (
      ${bumpCounter(sql`values (${A.bucket}, ${subjects.address}, now(), ${A.windowSeconds}::int, 1)`)}
    ),
    prior as (
      select hits, window_started_at + make_interval(secs => window_seconds) as ends_at
        from rate_limit_counters
       where bucket = ${R.bucket} and subject = ${referenceSubject}
         and window_started_at > now() - make_interval(secs => window_seconds)
    ),
    found as (
      select a.status from applications a
       where a.reference = ${input.reference}
         and a.status <> 'draft'
         and not a.restricted
         and a.form_data #>> '{personal,dateOfBirth}' = ${input.dateOfBirth}::text
         and ${document.column} = ${document.hash(input.document.number)}::text
    ),
    verdict as (
      select (select hits from addr) > ${A.limit}::int as address_over,
             coalesce((select hits from prior), 0) >= ${R.limit}::int as reference_over,
             (select status::text from found limit 1) as status
    ),
    failure as (
      ${bumpCounter(
        sql`select ${R.bucket}, ${referenceSubject}, now(), ${R.windowSeconds}::int, 1 from verdict
             where not address_over and not reference_over and status is null`,
      )}
    )
    select v.address_over, v.reference_over,
           case when v.address_over or v.reference_over then null else v.status end as status,
           ceil(extract(epoch from (select ends_at from addr) - now()))::int as address_wait,
           ceil(extract(epoch from (select ends_at from prior) - now()))::int as reference_wait
      from verdict v`
}
