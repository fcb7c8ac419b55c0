import 'server-only'
import path from 'node:path'
import type { DbHandle } from './client'

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations')

/** Applies the committed SQL migrations; the same files serve PostgreSQL and PGlite. */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator')
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the driver-specific type
    await migrate(handle.db as any, { migrationsFolder: MIGRATIONS_FOLDER })
  } else {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator')
    await migrate(handle.db, { migrationsFolder: MIGRATIONS_FOLDER })
  }
}
