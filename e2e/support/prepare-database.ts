// Run by Playwright's webServer before `next start`: a fresh, migrated and seeded database,
// prepared as its owner; the app then connects as its own role (SECURITY.md DB-02).
import postgres from 'postgres'
import { openPostgres } from '../../db/client'
import { migrateDatabase } from '../../db/migrate'
import { seedDatabase } from '../../db/seed/seed-database'
import { e2eMigrationDatabaseUrl } from './database-url'

async function main(): Promise<void> {
  const url = new URL(e2eMigrationDatabaseUrl())
  const name = url.pathname.slice(1)
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`unexpected database name ${name}`)
  const adminUrl = new URL(url)
  adminUrl.pathname = '/postgres'
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} })
  await admin.unsafe(`drop database if exists ${name} with (force)`)
  await admin.unsafe(`create database ${name}`)
  await admin.end()
  const handle = openPostgres(url.toString(), 2)
  await migrateDatabase(handle)
  await seedDatabase(handle.db)
  await handle.close()
  console.log(`e2e database ${name} ready`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
