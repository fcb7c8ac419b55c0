import 'server-only'
import { and, asc, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { counters, offices, openingHours } from '@/db/schema'
import { changesApplyFrom } from '@/lib/domain/appointments/office-setup'
import type { StaffRole } from '@/lib/domain/staff-roles'
import { AccessDenied, requireStaff } from '../actor'
import { todayInIstanbul } from '../clock'
import { inOwnDirectorate } from '../scope'

// What the office pages read: the admin's own directorate only (each directorate keeps its
// offices; the national admin has none here).

export type OfficeSummary = { id: string; name: string; address: string; appliesFrom: string }
export type OfficeSetup = OfficeSummary & {
  slotMinutes: number
  counters: { id: string; label: string; active: boolean }[]
  hours: { weekday: number; opensAt: string; closesAt: string }[]
}

/** The offices of the admin's directorate, by name. */
export async function listOwnOffices(): Promise<{ role: StaffRole; offices: OfficeSummary[] }> {
  const actor = await requireStaff('capacity.manage')
  const db = await getDb()
  const rows = await db
    .select({
      id: offices.id,
      name: offices.name,
      address: offices.address,
      until: offices.slotsGeneratedUntil,
    })
    .from(offices)
    .where(inOwnDirectorate(actor, offices.directorateId))
    .orderBy(asc(offices.name))
  const today = todayInIstanbul()
  return {
    role: actor.role,
    offices: rows.map(({ until, ...o }) => ({ ...o, appliesFrom: changesApplyFrom(until, today) })),
  }
}

/** One office with its counters and weekly hours; another directorate's is not found. */
export async function getOfficeSetup(
  officeId: string,
): Promise<{ role: StaffRole; office: OfficeSetup }> {
  const actor = await requireStaff('capacity.manage')
  const db = await getDb()
  const [office] = await db
    .select()
    .from(offices)
    .where(and(eq(offices.id, officeId), inOwnDirectorate(actor, offices.directorateId)))
  if (!office) throw new AccessDenied('not_found')
  const [counterRows, hourRows] = await Promise.all([
    db
      .select({ id: counters.id, label: counters.label, active: counters.active })
      .from(counters)
      .where(eq(counters.officeId, office.id))
      .orderBy(asc(counters.label)),
    db
      .select({
        weekday: openingHours.weekday,
        opensAt: openingHours.opensAt,
        closesAt: openingHours.closesAt,
      })
      .from(openingHours)
      .where(eq(openingHours.officeId, office.id))
      .orderBy(asc(openingHours.weekday), asc(openingHours.opensAt)),
  ])
  return {
    role: actor.role,
    office: {
      id: office.id,
      name: office.name,
      address: office.address,
      slotMinutes: office.slotMinutes,
      appliesFrom: changesApplyFrom(office.slotsGeneratedUntil, todayInIstanbul()),
      counters: counterRows,
      hours: hourRows.map((h) => ({
        ...h,
        opensAt: h.opensAt.slice(0, 5),
        closesAt: h.closesAt.slice(0, 5),
      })),
    },
  }
}
