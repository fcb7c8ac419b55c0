import '../testing/request-scope-mocks'
import { randomBytes } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { applications, residencePermits } from '@/db/schema'
import { DEMO_APPLICANTS } from '@/db/seed/people'
import { DEMO_UNCLAIMED_PERMIT } from '@/db/seed/unclaimed-permit'
import { queryRows } from '@/db/client'
import { COMPLETE_ANSWERS } from '../testing/application-fixtures'
import { createCase } from '../testing/case-fixtures'
import { createUnclaimedPermit, randomForeignerId } from '../testing/permit-fixtures'
import { sealedKeyId } from './field-encryption'
import { foreignerIdHash, openIdentityNumbers, passportHash } from './identity-numbers'
import { resealIdentityNumbers } from './reseal-identity-numbers'

// SECURITY.md PD-05: the script that moves numbers stored before issue 15 out of form_data and
// the clear permit column, and that seals everything again under a new first key.

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

async function holding(value: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    await getDb(),
    sql`select (select count(*) from applications a where a::text like ${`%${value}%`})
             + (select count(*) from residence_permits p where p::text like ${`%${value}%`}) as n`,
  )
  return Number(row!.n)
}

describe('sealing stored numbers (PD-05)', () => {
  it('the seed stores no clear identity number', async () => {
    const numbers = DEMO_APPLICANTS.flatMap((a) =>
      a.applications.flatMap((x) => (x.answers ? [x.answers.passportNumber] : [])),
    )
    expect(numbers.length).toBeGreaterThan(0)
    for (const number of [...numbers, DEMO_UNCLAIMED_PERMIT.foreignerIdNumber])
      expect(await holding(number)).toBe(0)
  })

  it('moves clear numbers out, then re-seals under a new first key; a second run does nothing', async () => {
    const db = await getDb()
    const passport = `LEGACY${randomBytes(3).toString('hex').toUpperCase()}1`
    const ykn = randomForeignerId()
    const legacyAnswers = {
      ...COMPLETE_ANSWERS,
      personal: { ...COMPLETE_ANSWERS.personal, foreignerIdNumber: ykn },
      passport: { ...COMPLETE_ANSWERS.passport, passportNumber: passport },
    }
    const c = await createCase(34)
    // As a row written before migration 0013 looks.
    await db
      .update(applications)
      .set({
        formData: legacyAnswers,
        passportNumberSealed: null,
        passportNumberHash: null,
        passportTailHash: null,
        foreignerIdSealed: null,
        foreignerIdHash: null,
      })
      .where(eq(applications.id, c.id))
    const permit = await createUnclaimedPermit()
    await db
      .update(residencePermits)
      .set({
        holderForeignerId: permit.foreignerIdNumber,
        holderForeignerIdSealed: null,
        holderForeignerIdHash: null,
      })
      .where(eq(residencePermits.id, permit.id))
    expect(await holding(passport)).toBe(1)

    const first = await resealIdentityNumbers(db, { batchSize: 2 })
    expect(first.applications).toBeGreaterThanOrEqual(1)
    expect(first.permits).toBeGreaterThanOrEqual(1)
    for (const clear of [passport, ykn, permit.foreignerIdNumber])
      expect(await holding(clear)).toBe(0)
    const [row] = await db.select().from(applications).where(eq(applications.id, c.id))
    expect(row!.passportNumberHash).toBe(passportHash(passport))
    expect(row!.foreignerIdHash).toBe(foreignerIdHash(ykn))
    expect(openIdentityNumbers(row!.formData, row!)).toEqual(legacyAnswers)
    const [p] = await db.select().from(residencePermits).where(eq(residencePermits.id, permit.id))
    expect(p!.holderForeignerId).toBeNull()
    expect(p!.holderForeignerIdHash).toBe(foreignerIdHash(permit.foreignerIdNumber))
    expect(await resealIdentityNumbers(db)).toEqual({ applications: 0, permits: 0, totpSecrets: 0 })

    // Rotation: a new key first, the development key still there to open the old values.
    const devKey = (await import('../env')).fieldKeys().sealing[0]!.key.toString('base64')
    const newKey = randomBytes(32).toString('base64')
    process.env.FIELD_ENCRYPTION_KEYS = `r2:${newKey},dev:${devKey}`
    try {
      const rotated = await resealIdentityNumbers(db, { batchSize: 50 })
      expect(rotated.applications).toBeGreaterThanOrEqual(1)
      // The seeded staff's TOTP secrets move to the new key as well (SF-06).
      expect(rotated.totpSecrets).toBeGreaterThanOrEqual(1)
      const [after] = await db.select().from(applications).where(eq(applications.id, c.id))
      expect(sealedKeyId(after!.passportNumberSealed!)).toBe('r2')
      expect(sealedKeyId(after!.foreignerIdSealed!)).toBe('r2')
      expect(openIdentityNumbers(after!.formData, after!)).toEqual(legacyAnswers)
      const [left] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from applications
             where passport_number_sealed not like 'v1.r2.%' or foreigner_id_sealed not like 'v1.r2.%'`,
      )
      expect(Number(left!.n)).toBe(0)
      expect(await resealIdentityNumbers(db)).toEqual({
        applications: 0,
        permits: 0,
        totpSecrets: 0,
      })
    } finally {
      // The database is shared with the other test files (PostgreSQL run): back to the
      // development key, which is the same rotation the other way round.
      process.env.FIELD_ENCRYPTION_KEYS = `dev:${devKey},r2:${newKey}`
      await resealIdentityNumbers(db)
    }
    expect(await resealIdentityNumbers(db)).toEqual({ applications: 0, permits: 0, totpSecrets: 0 })
  })
})
