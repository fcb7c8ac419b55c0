import 'server-only'
import { createHmac } from 'node:crypto'
import { PgDialect } from 'drizzle-orm/pg-core'
import type postgres from 'postgres'
import { getDbHandle } from '@/db'
import { queryRows, type DbHandle } from '@/db/client'
import {
  APPLICATION_STATUSES,
  whoActsNext,
  type ApplicationStatus,
  type BallHolder,
} from '@/lib/domain/application-status'
import type { StatusLookupInput } from '@/lib/schemas/status-lookup'
import { authSecret } from '../env'
import { addressSubject, RateLimited } from '../rate-limit'
import { statusLookupStatement, type StatusLookupRow } from './status-lookup-statement'

/** What anyone who knows the details may learn: the coarse status, never a name or a document. */
export type StatusLookupAnswer =
  { found: true; status: ApplicationStatus; nextStep: BallHolder } | { found: false }

/** A reference as a keyed hash, like addresses: the counters table names no application. */
export function referenceSubject(reference: string): string {
  return createHmac('sha256', authSecret()).update(`reference:${reference}`).digest('base64url')
}

const dialect = new PgDialect()

/**
 * The statement as a named prepared statement on PostgreSQL: it is the hottest query of the
 * portal, and parsing and planning its CTEs on every call cost more than running them.
 * PGlite has no such cache; there drizzle runs it as usual.
 */
async function runStatement(handle: DbHandle, query: ReturnType<typeof statusLookupStatement>) {
  if (handle.kind === 'pglite') return queryRows<StatusLookupRow>(handle.db, query)
  const { sql: text, params } = dialect.sqlToQuery(query)
  // drizzle keeps the postgres.js client it was opened with (db/client.ts openPostgres).
  const client = (handle.db as unknown as { $client: postgres.Sql }).$client
  return client.unsafe<StatusLookupRow[]>(text, params as postgres.ParameterOrJSON<never>[], {
    prepare: true,
  })
}

const isStatus = (v: string | null): v is ApplicationStatus =>
  v !== null && (APPLICATION_STATUSES as readonly string[]).includes(v)

/**
 * The public lookup (no sign-in, no session read): one statement that counts the try and
 * answers (status-lookup-statement.ts). Throws RateLimited past either limit.
 */
export async function lookUpApplicationStatus(
  input: StatusLookupInput,
  clientAddress: string,
): Promise<StatusLookupAnswer> {
  const handle = await getDbHandle()
  const subjects = {
    address: addressSubject(clientAddress),
    reference: referenceSubject(input.reference),
  }
  const [row] = await runStatement(handle, statusLookupStatement(input, subjects))
  if (!row) throw new Error('status lookup: the statement returned no row')
  if (row.address_over) throw new RateLimited(Math.max(1, Number(row.address_wait ?? 1)))
  if (row.reference_over) throw new RateLimited(Math.max(1, Number(row.reference_wait ?? 1)))
  if (!isStatus(row.status)) return { found: false }
  return { found: true, status: row.status, nextStep: whoActsNext(row.status) }
}
