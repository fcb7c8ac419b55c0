import 'server-only'
import {
  databaseUrl,
  migrationDatabaseUrl,
  openPglite,
  openPostgres,
  pgliteDataDir,
  type DbHandle,
} from './client'

/**
 * Command-line scripts use PostgreSQL when DATABASE_URL is set, otherwise the embedded database.
 * `as: 'owner'` (migrate, seed) connects with MIGRATION_DATABASE_URL when it is set (DB-02).
 */
export async function openForScript(as: 'app' | 'owner' = 'app'): Promise<DbHandle> {
  const url = as === 'owner' ? migrationDatabaseUrl() : databaseUrl()
  return url ? openPostgres(url, 2) : openPglite(pgliteDataDir())
}

export async function runScript(
  name: string,
  work: (handle: DbHandle) => Promise<void>,
  as: 'app' | 'owner' = 'app',
): Promise<void> {
  const handle = await openForScript(as)
  const started = Date.now()
  try {
    await work(handle)
    console.log(`${name}: done on ${handle.kind} in ${Date.now() - started} ms`)
  } catch (error) {
    console.error(`${name} failed:`, error instanceof Error ? error.message : error)
    process.exitCode = 1
  } finally {
    await handle.close()
  }
}
