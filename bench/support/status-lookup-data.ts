import postgres from 'postgres'
import { makeReferenceNumber, REFERENCE_ALPHABET } from '../../lib/domain/reference-number'
import { passportHash } from '../../lib/server/crypto/identity-numbers'

// The bench's applications: number i (1…count) has a reference, a passport number and a date
// of birth computed from i, the same way in SQL (to seed in one set-based statement per
// batch) and here (to pick what to look up). The passport number's keyed hash, which the
// lookup compares (SECURITY.md PD-03), is computed here and sent with each batch.

const BASE = REFERENCE_ALPHABET.length
// Every bench reference starts with the alphabet's last symbol; ON CONFLICT skips the
// one-in-billions clash with a seeded demo reference.
const OFFSET = 28 * BASE ** 8
const STATUSES = ['under_review', 'awaiting_appointment', 'approved', 'handed_to_post', 'delivered']
const FIRST_BIRTH_DAY = Date.UTC(1960, 0, 1)

export type BenchApplication = { reference: string; passportNumber: string; dateOfBirth: string }

export function benchApplication(i: number): BenchApplication {
  let n = i + OFFSET
  const digits: number[] = []
  for (let k = 0; k < 9; k++) {
    digits.unshift(n % BASE)
    n = Math.floor(n / BASE)
  }
  return {
    reference: makeReferenceNumber(digits),
    passportNumber: `BN${String(i).padStart(8, '0')}`,
    dateOfBirth: new Date(FIRST_BIRTH_DAY + (i % 15_000) * 86_400_000).toISOString().slice(0, 10),
  }
}

/** Inserts applications 1…count in batches, each one statement; returns the seconds it took. */
export async function seedApplications(
  sql: postgres.Sql,
  count: number,
  log: (line: string) => void,
): Promise<number> {
  const started = performance.now()
  const [directorate] = await sql<{ id: string }[]>`
    select id from directorates where province_code = 34`
  const [user] = await sql<{ id: string }[]>`
    insert into users (id, email) values (gen_random_uuid()::text, 'bench.lookup@example.org')
    returning id`
  const batch = 100_000
  for (let from = 1; from <= count; from += batch) {
    const to = Math.min(count, from + batch - 1)
    const hashes = Array.from({ length: to - from + 1 }, (_, k) =>
      passportHash(benchApplication(from + k).passportNumber),
    )
    await sql`
      insert into applications (id, reference, applicant_id, kind, permit_type_code, purpose_code,
                                status, province_code, directorate_id, form_data,
                                passport_number_hash, requested_months, submitted_at)
      select gen_random_uuid(),
             substr(x.payload, 1, 4) || '-' || substr(x.payload, 5, 4) || '-' ||
               substr(x.payload, 9, 1) || substr(${REFERENCE_ALPHABET}, x.check_value + 1, 1),
             ${user!.id}, 'first', 'short_term', 'tourism',
             (${STATUSES}::application_status[])[1 + i % ${STATUSES.length}],
             34, ${directorate!.id},
             jsonb_build_object(
               'personal', jsonb_build_object(
                 'dateOfBirth', to_char(date '1960-01-01' + (i % 15000)::int, 'YYYY-MM-DD'))),
             (${hashes}::text[])[i - ${from} + 1],
             12, now()
        from generate_series(${from}::bigint, ${to}::bigint) i,
        lateral (
          select string_agg(substr(${REFERENCE_ALPHABET}, d::int + 1, 1), '' order by k) as payload,
                 (sum((k + 1) * d) % ${BASE})::int as check_value
            from (select k, ((i + ${OFFSET}::bigint) / power(${BASE}, 8 - k)::bigint) % ${BASE} as d
                    from generate_series(0, 8) k) digits
        ) x
      on conflict (reference) do nothing`
    log(`seeded ${to.toLocaleString('en')} applications`)
  }
  await sql`vacuum analyze applications`
  return Math.round((performance.now() - started) / 100) / 10
}
