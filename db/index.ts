import 'server-only'
import { sql } from 'drizzle-orm'
import {
  databaseUrl,
  openPglite,
  openPostgres,
  pgliteDataDir,
  type Db,
  type DbHandle,
} from './client'
import { migrateDatabase } from './migrate'
import { provinces } from './schema'

// Kept on globalThis: Next.js may load this module more than once per process, and two PGlite
// instances on one data folder would corrupt it.
const globalForDb = globalThis as unknown as { ikametDb?: Promise<DbHandle> }

async function openConfiguredDatabase(): Promise<DbHandle> {
  const url = databaseUrl()
  if (url) return openPostgres(url)
  const handle = await openPglite(pgliteDataDir())
  // A fresh clone has no server: the embedded database migrates and seeds itself.
  await migrateDatabase(handle)
  const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(provinces)
  if (!row || row.n === 0) {
    // Loaded only here: a server on PostgreSQL never loads the demo data's module.
    const { seedDatabase } = await import('./seed/seed-database')
    await seedDatabase(handle.db)
  }
  return handle
}

export function getDbHandle(): Promise<DbHandle> {
  if (!globalForDb.ikametDb) {
    // A failed open is forgotten so the next request tries again instead of failing forever.
    globalForDb.ikametDb = openConfiguredDatabase().catch((error: unknown) => {
      globalForDb.ikametDb = undefined
      throw error
    })
  }
  return globalForDb.ikametDb
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db
}

export type { Db }
