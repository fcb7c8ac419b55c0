import 'server-only'
import { databaseUrl, openPglite, openPostgres, pgliteDataDir, type DbHandle } from './client'

/** Command-line scripts use PostgreSQL when DATABASE_URL is set, otherwise the embedded database. */
export async function openForScript(): Promise<DbHandle> {
  const url = databaseUrl()
  return url ? openPostgres(url, 2) : openPglite(pgliteDataDir())
}

export async function runScript(
  name: string,
  work: (handle: DbHandle) => Promise<void>,
): Promise<void> {
  const handle = await openForScript()
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
