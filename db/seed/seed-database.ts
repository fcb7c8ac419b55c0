import 'server-only'
import { sql } from 'drizzle-orm'
import { generateSecret } from 'otplib'
import type { Db, Tx } from '../client'
import {
  applicationEvents,
  applications,
  counters,
  directorates,
  documentRequests,
  feeTariffs,
  nationalityFeeGroups,
  offices,
  openingHours,
  permitTypes,
  provinces,
  residencePermits,
  ruleSettings,
  shortTermPurposes,
  staffMembers,
  staffTotpFactors,
  users,
} from '../schema'
import { DEMO_FEE_TARIFF, DEMO_NATIONALITY_GROUPS } from '../../lib/domain/permits/fees'
import { storedAnswers } from '../../lib/server/crypto/identity-numbers'
import { DEMO_APPLICANTS, DEMO_STAFF, type DemoAnswers } from './people'
import { PERMIT_TYPES, SHORT_TERM_PURPOSES } from './permit-data'
import { seedAppointmentCalendar } from './appointment-data'
import { seedDemoAppointments } from './appointment-demo'
import { seedDemoCases } from './casework-demo'
import { ASSIGNING_PROVINCES, EXTRA_OFFICES, extensionRouteOf, PROVINCES } from './provinces'
import { stableAccrualReference, stableReference, stableUuid } from './stable-id'
import { seedUnclaimedPermit } from './unclaimed-permit'
import { sealTotpSecret } from '../../lib/server/crypto/totp-secret-seal'

const directorateId = (province: number) => stableUuid(`directorate:${province}`)
const userId = (email: string) => stableUuid(`user:${email}`)

// Weekdays 08:30–12:30 and 13:30–17:30, the usual public-office hours.
const OPENING_BLOCKS = [
  ['08:30', '12:30'],
  ['13:30', '17:30'],
] as const

async function seedGeography(tx: Tx): Promise<void> {
  await tx
    .insert(provinces)
    .values(PROVINCES.map(([code, name]) => ({ code, name })))
    .onConflictDoNothing()
  await tx
    .insert(directorates)
    .values(
      PROVINCES.map(([code, name]) => ({
        id: directorateId(code),
        provinceCode: code,
        name: `${name} İl Göç İdaresi Müdürlüğü`,
        email: `directorate-${String(code).padStart(2, '0')}@example.org`,
        assignsAppointments: ASSIGNING_PROVINCES.has(code),
        extensionRoute: extensionRouteOf(code),
      })),
    )
    .onConflictDoNothing()

  const officeRows = PROVINCES.flatMap(([code, name]) => {
    const list = EXTRA_OFFICES[code] ?? [
      { name: 'Merkez Hizmet Binası', address: `Merkez, ${name}`, counters: 2 },
    ]
    return list.map((o) => ({
      ...o,
      id: stableUuid(`office:${code}:${o.name}`),
      directorateId: directorateId(code),
    }))
  })
  await tx
    .insert(offices)
    .values(
      officeRows.map(({ id, directorateId: d, name, address }) => ({
        id,
        directorateId: d,
        name,
        address,
      })),
    )
    .onConflictDoNothing()
  await tx
    .insert(counters)
    .values(
      officeRows.flatMap((o) =>
        Array.from({ length: o.counters }, (_, i) => ({
          id: stableUuid(`counter:${o.id}:${i + 1}`),
          officeId: o.id,
          label: String(i + 1),
        })),
      ),
    )
    .onConflictDoNothing()
  await tx
    .insert(openingHours)
    .values(
      officeRows.flatMap((o) =>
        [1, 2, 3, 4, 5].flatMap((weekday) =>
          OPENING_BLOCKS.map(([opensAt, closesAt]) => ({
            officeId: o.id,
            weekday,
            opensAt,
            closesAt,
          })),
        ),
      ),
    )
    .onConflictDoNothing()
}

async function seedPermitCatalogue(tx: Tx): Promise<void> {
  await tx
    .insert(permitTypes)
    .values(PERMIT_TYPES.map((p, i) => ({ ...p, sortOrder: i + 1 })))
    .onConflictDoNothing()
  await tx
    .insert(shortTermPurposes)
    .values(SHORT_TERM_PURPOSES.map((p, i) => ({ ...p, sortOrder: i + 1 })))
    .onConflictDoNothing()
}

async function seedFees(tx: Tx): Promise<void> {
  // Demonstration amounts, not the real tariff: the national admin enters the year's figures.
  await tx
    .insert(feeTariffs)
    .values({
      id: stableUuid('fee-tariff:2026'),
      validFrom: '2026-01-01',
      cardFeeKurus: DEMO_FEE_TARIFF.cardFeeKurus,
      groups: DEMO_FEE_TARIFF.groups,
      defaultGroup: DEMO_FEE_TARIFF.defaultGroup,
      note: 'demonstration values',
    })
    .onConflictDoNothing()
  await tx
    .insert(nationalityFeeGroups)
    .values(
      Object.entries(DEMO_NATIONALITY_GROUPS).map(([countryCode, groupCode]) => ({
        countryCode,
        groupCode,
      })),
    )
    .onConflictDoNothing()
}

async function seedRuleSettings(tx: Tx): Promise<void> {
  // Off: no official source says the foreigner identity number (99…) uses the T.C. Kimlik No
  // check digits (domain.md §6 caveat), and refusing a real card's number would stop an
  // application. The format is always checked. A row already there is the admin's choice,
  // so it is never overwritten.
  await tx
    .insert(ruleSettings)
    .values({ key: 'foreigner_id_checksum', value: false })
    .onConflictDoNothing()
  // Demonstration value (the 2025 net minimum wage); the family sponsor's income threshold.
  await tx
    .insert(ruleSettings)
    .values({ key: 'monthly_minimum_wage_kurus', value: 2_210_467 })
    .onConflictDoNothing()
}

async function seedStaff(tx: Tx): Promise<void> {
  for (const s of DEMO_STAFF) {
    await tx
      .insert(users)
      .values({ id: userId(s.email), email: s.email, name: s.displayName })
      .onConflictDoNothing()
    await tx
      .insert(staffMembers)
      .values({
        userId: userId(s.email),
        role: s.role,
        directorateId: s.province === null ? null : directorateId(s.province),
        displayName: s.displayName,
        active: s.active ?? true,
      })
      .onConflictDoNothing()
    // A random TOTP secret per seeding, already set up, so demo staff can sign in at once; the
    // demo mailbox shows each one's current code (SECURITY.md DM-01, SF-06). This and the e2e
    // helper are the only writers besides lib/server/auth/second-factor/totp-secret.ts.
    await tx
      .insert(staffTotpFactors)
      .values({
        userId: userId(s.email),
        secret: sealTotpSecret(generateSecret()),
        confirmedAt: new Date(),
      })
      .onConflictDoNothing()
  }
}

/** A calendar date in Türkiye, this many days from the day of seeding. */
function daysFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date())
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

function formDataFor(
  a: DemoAnswers | undefined,
  province: number,
  months: number,
  purpose: string | null,
) {
  if (!a) return {}
  return {
    personal: {
      givenNames: a.givenNames,
      surname: a.surname,
      dateOfBirth: a.dateOfBirth,
      nationality: a.nationality,
      fatherName: a.fatherName,
      motherName: a.motherName,
      phone: a.phone,
    },
    passport: {
      passportNumber: a.passportNumber,
      passportValidUntil: daysFromToday(1500),
      entryDate: daysFromToday(-400),
    },
    permit: { ...(purpose ? { purpose } : {}), requestedMonths: months },
    address: {
      provinceCode: province,
      district: a.district,
      neighbourhood: a.neighbourhood,
      street: a.street,
    },
    insurance: { insuranceType: 'sgk' },
  }
}

/** The application that granted a demo permit (its answers pre-fill the extension). */
function grantingId(apps: readonly { label: string; grantedPermit?: boolean }[]): string | null {
  const granting = apps.find((app) => app.grantedPermit)
  return granting ? stableUuid(`application:${granting.label}`) : null
}

async function seedApplicants(tx: Tx): Promise<void> {
  for (const a of DEMO_APPLICANTS) {
    const id = userId(a.email)
    await tx
      .insert(users)
      .values({ id, email: a.email, name: a.name, preferredLocale: a.locale })
      .onConflictDoNothing()
    const permitId = a.permit ? stableUuid(`permit:${a.permit.number}`) : null
    if (a.permit && permitId) {
      await tx
        .insert(residencePermits)
        .values({
          id: permitId,
          holderId: id,
          permitTypeCode: a.permit.type,
          purposeCode: a.permit.purpose,
          documentNumber: a.permit.number,
          validFrom: daysFromToday(a.permit.fromDays),
          validUntil: daysFromToday(a.permit.untilDays),
          applicationId: grantingId(a.applications),
        })
        .onConflictDoNothing()
    }
    for (const app of a.applications) {
      const appId = stableUuid(`application:${app.label}`)
      const submitted = app.status !== 'draft'
      const inserted = await tx
        .insert(applications)
        .values({
          id: appId,
          reference: stableReference(app.label),
          applicantId: id,
          kind: app.kind,
          permitTypeCode: app.type,
          purposeCode: app.purpose,
          basedOnPermitId: app.basedOnPermit ? permitId : null,
          status: app.status,
          provinceCode: app.province,
          directorateId: directorateId(app.province),
          requestedMonths: app.months,
          feeTotalKurus: app.feeKurus,
          accrualReference: submitted ? stableAccrualReference(app.label) : null,
          // The demo totals hold the card fee; the rest is the permit fee.
          ...(app.feeKurus != null
            ? {
                cardFeeKurus: DEMO_FEE_TARIFF.cardFeeKurus,
                permitFeeKurus: app.feeKurus - DEMO_FEE_TARIFF.cardFeeKurus,
              }
            : {}),
          ...storedAnswers(formDataFor(app.answers, app.province, app.months, app.purpose)),
          submittedAt: submitted ? sql`now() - interval '20 days'` : null,
          // Files at or past review are complete: their decision clock runs.
          ...(['under_review', 'missing_documents', 'approved'].includes(app.status)
            ? {
                feesPaidAt: sql`now() - interval '19 days'`,
                documentsReceivedAt: sql`now() - interval '19 days'`,
                decisionDueOn: daysFromToday(71),
              }
            : {}),
        })
        .onConflictDoNothing()
        .returning({ id: applications.id })
      // Only a freshly inserted application gets its opening timeline entry.
      if (inserted.length > 0) {
        await tx
          .insert(applicationEvents)
          .values({ applicationId: appId, fromStatus: null, toStatus: app.status, actorUserId: id })
        if (app.status === 'missing_documents')
          await tx.insert(documentRequests).values({
            id: stableUuid(`request:${app.label}`),
            applicationId: appId,
            items: ['proof_of_address'],
            message: 'The title deed you sent is not readable. Please upload a clear copy.',
            dueAt: sql`now() + interval '20 days'`,
            requestedBy: userId('caseworker.izmir@example.org'),
          })
      }
    }
  }
}

/** Deterministic and idempotent: running it again inserts nothing and changes nothing. */
export async function seedDatabase(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await seedGeography(tx)
    await seedPermitCatalogue(tx)
    await seedFees(tx)
    await seedRuleSettings(tx)
    await seedStaff(tx)
    await seedApplicants(tx)
    await seedAppointmentCalendar(tx)
    await seedDemoAppointments(tx)
    await seedDemoCases(tx, directorateId)
    await seedUnclaimedPermit(tx, daysFromToday)
  })
}
