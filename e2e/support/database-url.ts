// The end-to-end run gets its own database next to the one in DATABASE_URL, dropped and
// recreated each run, so results never depend on leftovers.
export function e2eDatabaseUrl(): string {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL
  const base = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/ikamet')
  base.pathname = `${base.pathname.replace(/\/$/, '') || '/ikamet'}_e2e`
  return base.toString()
}

/**
 * Who prepares that database (drop, create, migrate, seed): E2E_MIGRATION_DATABASE_URL, or the
 * same database as the owner named in MIGRATION_DATABASE_URL, or else the app's own URL (a
 * one-role setup). The app itself then runs with E2E_DATABASE_URL (SECURITY.md DB-02).
 */
export function e2eMigrationDatabaseUrl(): string {
  if (process.env.E2E_MIGRATION_DATABASE_URL) return process.env.E2E_MIGRATION_DATABASE_URL
  const owner = process.env.MIGRATION_DATABASE_URL?.trim()
  if (!owner) return e2eDatabaseUrl()
  const url = new URL(e2eDatabaseUrl())
  const ownerUrl = new URL(owner)
  url.username = ownerUrl.username
  url.password = ownerUrl.password
  return url.toString()
}
