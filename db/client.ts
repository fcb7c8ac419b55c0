import 'server-only'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import type { SQL } from 'drizzle-orm'
import * as schema from './schema'

export type Db = PostgresJsDatabase<typeof schema>
/** The one transaction type: the data-access layer and the seed both take it. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type DbKind = 'postgres' | 'pglite'
export type DbHandle = { db: Db; kind: DbKind; close: () => Promise<void> }

export function databaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL?.trim()
  return url ? url : undefined
}

/**
 * SECURITY.md DB-02: who runs migrations (and the seed and test setup, which own the schema):
 * the owner role in `MIGRATION_DATABASE_URL`, while the app connects with `DATABASE_URL` as a
 * role that cannot change the schema. Unset, both are DATABASE_URL (a one-role setup).
 */
export function migrationDatabaseUrl(): string | undefined {
  const app = databaseUrl()
  // Without DATABASE_URL everything is the embedded database, whatever else is set.
  if (!app) return undefined
  return process.env.MIGRATION_DATABASE_URL?.trim() || app
}

export function openPostgres(
  url: string,
  max = Number(process.env.DATABASE_POOL_MAX ?? 10),
): DbHandle {
  const client = postgres(url, {
    max,
    connect_timeout: 5,
    idle_timeout: 30,
    onnotice: () => {},
    // After a failed connection postgres.js waits 3^n / 100 s before the next try, up to 20 s,
    // with n counted over the whole pool: after a restart the app stayed down that long while
    // PostgreSQL was already back. At most a second between tries (SECURITY.md DF-04).
    backoff: (failures: number) => Math.min(0.05 * 2 ** failures, 1) * (0.5 + Math.random() / 2),
    // Lock waits must not pile up connections during a rush (security.md RS-04).
    connection: {
      statement_timeout: 15_000,
      lock_timeout: 5_000,
      application_name: 'ikamet-portal',
    },
  })
  return { db: drizzlePostgres({ client, schema }), kind: 'postgres', close: () => client.end() }
}

export async function openPglite(dataDir: string): Promise<DbHandle> {
  const { PGlite } = await import('@electric-sql/pglite')
  const { drizzle } = await import('drizzle-orm/pglite')
  if (dataDir !== 'memory://') mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true })
  const client = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir)
  // PGlite and postgres.js share drizzle's PostgreSQL query API; only the driver differs.
  const db = drizzle({ client, schema }) as unknown as Db
  return { db, kind: 'pglite', close: () => client.close() }
}

export function pgliteDataDir(): string {
  return process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), '.data', 'pglite')
}

/** Raw SQL rows from either driver: postgres.js answers an array, PGlite an object with `rows`. */
export async function queryRows<T>(db: Pick<Db, 'execute'>, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? [])
}
