import '../testing/request-scope-mocks'
import { eq } from 'drizzle-orm'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { directorates } from '@/db/schema'
import { caseworkSettingsSchema } from '@/lib/schemas/casework/casework-settings'
import { AccessDenied } from '../actor'
import { StaleVersion } from '../errors'
import { actAs } from '../testing/as-user'
import { changeCaseworkSettings, listCaseworkSettings } from './casework-settings'

// Who may change a directorate's four-eyes rules, and that a form shown before someone
// else's change cannot overwrite it.

const ANKARA = 6
const IZMIR = 35

async function settingsOf(provinceCode: number) {
  const db = await getDb()
  const [row] = await db
    .select()
    .from(directorates)
    .where(eq(directorates.provinceCode, provinceCode))
  return row!
}

function form(row: Awaited<ReturnType<typeof settingsOf>>, change: Record<string, string>) {
  return caseworkSettingsSchema.parse({
    directorateId: row.id,
    ...(row.fourEyesRefusals ? { fourEyesRefusals: 'yes' } : {}),
    ...(row.fourEyesLongTerm ? { fourEyesLongTerm: 'yes' } : {}),
    longTermDecisionDays: String(row.longTermDecisionDays),
    wasFourEyesRefusals: String(row.fourEyesRefusals),
    wasFourEyesLongTerm: String(row.fourEyesLongTerm),
    wasLongTermDecisionDays: String(row.longTermDecisionDays),
    extensionRoute: row.extensionRoute,
    wasExtensionRoute: row.extensionRoute,
    ...change,
  })
}

afterEach(() => actAs(null))
afterAll(async () => {
  const db = await getDb()
  for (const code of [ANKARA, IZMIR])
    await db
      .update(directorates)
      .set({
        fourEyesLongTerm: false,
        longTermDecisionDays: 90,
        extensionRoute: code === IZMIR || code === ANKARA ? 'post' : 'appointment',
      })
      .where(eq(directorates.provinceCode, code))
})

describe('casework settings', () => {
  it('lets a directorate admin change their own directorate only', async () => {
    await actAs('admin.ankara@example.org')
    expect((await listCaseworkSettings()).map((d) => d.directorateId)).toEqual([
      (await settingsOf(ANKARA)).id,
    ])
    await changeCaseworkSettings(
      form(await settingsOf(ANKARA), { fourEyesLongTerm: 'yes', longTermDecisionDays: '180' }),
    )
    expect(await settingsOf(ANKARA)).toMatchObject({
      fourEyesLongTerm: true,
      longTermDecisionDays: 180,
    })
    const izmir = await settingsOf(IZMIR)
    await expect(
      changeCaseworkSettings(form(izmir, { longTermDecisionDays: '150' })),
    ).rejects.toMatchObject({ reason: 'not_found' })
    expect(await settingsOf(IZMIR)).toEqual(izmir)
  })

  it('refuses a form shown before someone else changed the settings', async () => {
    await actAs('admin.national@example.org')
    expect((await listCaseworkSettings()).length).toBeGreaterThan(80)
    const shown = await settingsOf(IZMIR)
    await changeCaseworkSettings(form(shown, { longTermDecisionDays: '120' }))
    await expect(
      changeCaseworkSettings(form(shown, { longTermDecisionDays: '150' })),
    ).rejects.toBeInstanceOf(StaleVersion)
    expect((await settingsOf(IZMIR)).longTermDecisionDays).toBe(120)
  })

  // domain.md §4: the extension route is one of three, and a stale form cannot overwrite it.
  it('keeps the extension route, one of the three values only', async () => {
    await actAs('admin.ankara@example.org')
    const shown = await settingsOf(ANKARA)
    expect(shown.extensionRoute).toBe('post')
    await changeCaseworkSettings(form(shown, { extensionRoute: 'appointment_if_data_changed' }))
    expect((await settingsOf(ANKARA)).extensionRoute).toBe('appointment_if_data_changed')
    await expect(
      changeCaseworkSettings(form(shown, { extensionRoute: 'appointment' })),
    ).rejects.toBeInstanceOf(StaleVersion)
    const bad = caseworkSettingsSchema.safeParse({
      directorateId: shown.id,
      longTermDecisionDays: '90',
      wasFourEyesRefusals: 'true',
      wasFourEyesLongTerm: 'false',
      wasLongTermDecisionDays: '90',
      extensionRoute: 'fax',
      wasExtensionRoute: 'post',
    })
    expect(bad.error?.issues[0]?.message).toBe('casework:settings.errors.extensionRoute')
  })

  it('is closed to caseworkers and to call-centre agents', async () => {
    const izmir = await settingsOf(IZMIR)
    for (const email of ['caseworker.izmir@example.org', 'agent.callcentre@example.org']) {
      await actAs(email)
      await expect(listCaseworkSettings()).rejects.toBeInstanceOf(AccessDenied)
      await expect(changeCaseworkSettings(form(izmir, {}))).rejects.toMatchObject({
        reason: 'forbidden',
      })
    }
    expect(await settingsOf(IZMIR)).toEqual(izmir)
  })

  it('accepts 90 to 180 days only, in any digits', () => {
    const base = {
      directorateId: '00000000-0000-4000-8000-000000000000',
      wasFourEyesRefusals: 'true',
      wasFourEyesLongTerm: 'false',
      wasLongTermDecisionDays: '90',
      extensionRoute: 'post',
      wasExtensionRoute: 'post',
    }
    for (const days of ['89', '181', '120.5', 'abc', ''])
      expect(
        caseworkSettingsSchema.safeParse({ ...base, longTermDecisionDays: days }).error?.issues[0]
          ?.message,
      ).toBe('casework:settings.errors.days')
    for (const typed of ['180', '۱۸۰', '١٨٠'])
      expect(caseworkSettingsSchema.parse({ ...base, longTermDecisionDays: typed })).toMatchObject({
        longTermDecisionDays: 180,
      })
  })
})
