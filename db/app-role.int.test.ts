import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseUrl, migrationDatabaseUrl, openPostgres } from './client'
import { migrateDatabase } from './migrate'

// SECURITY.md DB-01: what the app's database role may do, proved on a throwaway
// database migrated by its owner, with the audit trail's triggers dropped, so that only the
// grants stand between the app and a changed audit row. PostgreSQL only: PGlite is one
// superuser, for whom no grant is ever checked.

const ownerUrl = migrationDatabaseUrl()
const appUrl = databaseUrl()
const onPostgres = Boolean(ownerUrl)
const userOf = (url: string | undefined) => (url ? new URL(url).username : '')
/** DATABASE_URL names a login role of its own, as in CI and production (not the owner). */
const ownAppRole = onPostgres && Boolean(appUrl) && userOf(appUrl) !== userOf(ownerUrl)
const name = `ikamet_roletest_${randomBytes(4).toString('hex')}`

type Sql = postgres.Sql
const open = (url: string, db: string): Sql => {
  const u = new URL(url)
  u.pathname = `/${db}`
  return postgres(u.toString(), { max: 1, onnotice: () => {} })
}

let admin: Sql
let owner: Sql
/** Each way of being the app: the group role, and the login role of DATABASE_URL if it is one. */
const apps: { label: string; sql: Sql }[] = []

async function permissionDenied(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e as { code?: string },
  )
  return error?.code ?? 'allowed'
}

beforeAll(async () => {
  if (!ownerUrl) return
  admin = postgres(ownerUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const target = new URL(ownerUrl)
  target.pathname = `/${name}`
  const handle = openPostgres(target.toString(), 1)
  await migrateDatabase(handle)
  await handle.close()
  owner = open(ownerUrl, name)
  // Only the grants are left: the owner can now change audit rows, the app must still not.
  await owner`drop trigger audit_events_no_update_delete on audit_events`
  await owner`drop trigger audit_events_no_truncate on audit_events`
  await owner`insert into audit_events (action, entity_type) values ('test.before', 'test')`
  await owner`update audit_events set details = '{"owner": true}' where action = 'test.before'`

  const asGroup = open(ownerUrl, name)
  await asGroup`set role ikamet_app`
  apps.push({ label: 'ikamet_app', sql: asGroup })
  if (appUrl) {
    const asLogin = open(appUrl, name)
    const [[who], [me]] = await Promise.all([
      asLogin`select current_user as u`,
      owner`select current_user as u`,
    ])
    if (who!.u !== me!.u) apps.push({ label: String(who!.u), sql: asLogin })
    else await asLogin.end()
  }
})

afterAll(async () => {
  if (!ownerUrl) return
  for (const { sql } of apps) await sql.end()
  await owner?.end()
  await admin.unsafe(`drop database if exists ${name} with (force)`)
  await admin.end()
})

describe.runIf(onPostgres)('the app database role (PostgreSQL)', () => {
  it('appends audit rows and reads them, but cannot update, delete or truncate them', async () => {
    for (const { label, sql } of apps) {
      await sql`insert into audit_events (action, entity_type) values (${`test.${label}`}, 'test')`
      const rows = await sql`select action from audit_events where action = ${`test.${label}`}`
      expect(rows.length, label).toBe(1)
      // 42501 = insufficient_privilege: refused by the grant, the triggers being gone.
      expect(await permissionDenied(sql`update audit_events set action = 'changed'`), label).toBe(
        '42501',
      )
      expect(await permissionDenied(sql`delete from audit_events`), label).toBe('42501')
      expect(await permissionDenied(sql`truncate audit_events`), label).toBe('42501')
    }
    const [left] =
      await owner`select count(*)::int as n from audit_events where action <> 'changed'`
    expect(left!.n).toBe(1 + apps.length)
  })

  it('cannot create, change or drop tables', async () => {
    for (const { label, sql } of apps) {
      expect(await permissionDenied(sql`create table app_made (x int)`), label).toBe('42501')
      expect(await permissionDenied(sql`alter table users add column x int`), label).toBe('42501')
      expect(await permissionDenied(sql`drop table rate_limit_counters`), label).toBe('42501')
      expect(await permissionDenied(sql`create schema app_made`), label).toBe('42501')
    }
  })

  it('reads and writes the ordinary tables, also those added by later migrations', async () => {
    await owner`create table later_table (id bigserial primary key, note text)`
    for (const { label, sql } of apps) {
      const email = `${label}-${randomBytes(4).toString('hex')}@example.org`
      await sql`insert into users (id, email) values (gen_random_uuid()::text, ${email})`
      await sql`update users set name = 'changed' where email = ${email}`
      expect((await sql`select name from users where email = ${email}`)[0]?.name, label).toBe(
        'changed',
      )
      await sql`delete from users where email = ${email}`
      await sql`insert into later_table (note) values (${label})`
      expect((await sql`select note from later_table where note = ${label}`).length, label).toBe(1)
    }
  })

  it.runIf(ownAppRole)(
    'connects as a login role that is no superuser and creates nothing',
    async () => {
      expect(apps.map((a) => a.label)).toEqual(['ikamet_app', userOf(appUrl)])
      for (const { label, sql } of apps.slice(1)) {
        const [role] = await sql`select rolsuper, rolcreatedb, rolcreaterole
                                  from pg_roles where rolname = current_user`
        expect(role, label).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false })
      }
    },
  )
})
