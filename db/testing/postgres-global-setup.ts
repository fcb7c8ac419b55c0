import { migrationDatabaseUrl, openPostgres } from '../client'
import { migrateDatabase } from '../migrate'
import { seedDatabase } from '../seed/seed-database'

/**
 * Before the PostgreSQL test run: bring the database up to date and seed it, as the owner
 * (MIGRATION_DATABASE_URL when set); the tests themselves connect with DATABASE_URL (DB-02).
 */
export default async function setup(): Promise<void> {
  const url = migrationDatabaseUrl()
  if (!url) return
  const handle = openPostgres(url, 2)
  try {
    await migrateDatabase(handle)
    await seedDatabase(handle.db)
  } finally {
    await handle.close()
  }
}
