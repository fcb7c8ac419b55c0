import { openPostgres } from '../client'
import { migrateDatabase } from '../migrate'
import { seedDatabase } from '../seed/seed-database'

/** Before the PostgreSQL test run: bring the database named by DATABASE_URL up to date and seed it. */
export default async function setup(): Promise<void> {
  const url = process.env.DATABASE_URL
  if (!url) return
  const handle = openPostgres(url, 2)
  try {
    await migrateDatabase(handle)
    await seedDatabase(handle.db)
  } finally {
    await handle.close()
  }
}
