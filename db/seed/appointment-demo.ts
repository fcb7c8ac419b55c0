import 'server-only'
import { eq } from 'drizzle-orm'
import type { Tx } from '../client'
import {
  applicationEvents,
  applications,
  appointments,
  appointmentSlots,
  slotSeats,
  users,
} from '../schema'
import { fromIstanbulWallTime } from '../../lib/domain/appointments/istanbul-time'
import { addDays } from '../../lib/domain/permits/dates'
import { ISTANBUL } from './provinces'
import { stableAccrualReference, stableReference, stableUuid } from './stable-id'
import { storedAnswers } from '../../lib/server/crypto/identity-numbers'

// One applicant with a confirmed appointment on the day of seeding, so the staff day view
// has someone to check in (İstanbul, Fatih office, 10:00 Türkiye time). A separate person
// from the other demo applicants: checking her in moves her application to review, and the
// others' demo states stay as the README describes them.
export const DEMO_CHECK_IN = {
  email: 'nodira.yusupova@example.org',
  name: 'Nodira Yusupova',
  givenNames: 'Nodira',
  surname: 'Yusupova',
  passportNumber: 'FA4417093',
  label: 'nodira-first',
  time: '10:00',
} as const

const OFFICE_NAME = 'Fatih Hizmet Binası'

/** Today's calendar date in Türkiye, this many days from the day of seeding. */
function istanbulDate(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date())
  return addDays(today, days)
}

async function seedApplicant(tx: Tx): Promise<{ userId: string; applicationId: string }> {
  const d = DEMO_CHECK_IN
  const userId = stableUuid(`user:${d.email}`)
  const applicationId = stableUuid(`application:${d.label}`)
  await tx
    .insert(users)
    .values({ id: userId, email: d.email, name: d.name, preferredLocale: 'ru' })
    .onConflictDoNothing()
  const inserted = await tx
    .insert(applications)
    .values({
      id: applicationId,
      reference: stableReference(d.label),
      applicantId: userId,
      kind: 'first',
      permitTypeCode: 'short_term',
      purposeCode: 'tourism',
      status: 'awaiting_appointment',
      provinceCode: ISTANBUL,
      directorateId: stableUuid(`directorate:${ISTANBUL}`),
      requestedMonths: 12,
      // The demo card fee (DEMO_FEE_TARIFF) and the rest as the permit fee.
      cardFeeKurus: 96_400,
      permitFeeKurus: 253_600,
      feeTotalKurus: 350_000,
      accrualReference: stableAccrualReference(d.label),
      submittedAt: new Date(Date.now() - 6 * 86_400_000),
      ...storedAnswers({
        personal: {
          givenNames: d.givenNames,
          surname: d.surname,
          dateOfBirth: '1992-04-17',
          nationality: 'UZ',
          fatherName: 'Rustam',
          motherName: 'Dilnoza',
          phone: '+905351234567',
        },
        passport: {
          passportNumber: d.passportNumber,
          passportValidUntil: istanbulDate(1400),
          entryDate: istanbulDate(-60),
        },
        permit: { purpose: 'tourism', requestedMonths: 12 },
        address: {
          provinceCode: ISTANBUL,
          district: 'Fatih',
          neighbourhood: 'Aksaray',
          street: 'Millet Cad. 21/5',
        },
        insurance: { insuranceType: 'private' },
      }),
    })
    .onConflictDoNothing()
    .returning({ id: applications.id })
  if (inserted.length > 0) {
    await tx.insert(applicationEvents).values({
      applicationId,
      fromStatus: null,
      toStatus: 'awaiting_appointment',
      actorUserId: userId,
    })
  }
  return { userId, applicationId }
}

/**
 * Deterministic and idempotent: the ids are fixed, so seeding again on a later day adds
 * nothing (the appointment stays on the day it was first seeded; a fresh database, as the
 * end-to-end run makes, always gets one for today).
 */
export async function seedDemoAppointments(tx: Tx): Promise<void> {
  const { userId, applicationId } = await seedApplicant(tx)
  const officeId = stableUuid(`office:${ISTANBUL}:${OFFICE_NAME}`)
  const slotId = stableUuid('slot:demo-check-in')
  const appointmentId = stableUuid('appointment:demo-check-in')
  const startsAt = fromIstanbulWallTime(istanbulDate(), DEMO_CHECK_IN.time)
  await tx
    .insert(appointmentSlots)
    .values({
      id: slotId,
      officeId,
      directorateId: stableUuid(`directorate:${ISTANBUL}`),
      startsAt,
      endsAt: new Date(startsAt.getTime() + 15 * 60_000),
      capacity: 1,
    })
    .onConflictDoNothing()
  // A slot the booking code generated earlier may already hold this time: then no demo.
  const [slot] = await tx
    .select({ id: appointmentSlots.id })
    .from(appointmentSlots)
    .where(eq(appointmentSlots.id, slotId))
  if (!slot) return
  // The appointment before its seat: if the application already has an active appointment
  // (the unique index refuses a second), no seat is taken for nothing.
  const booked = await tx
    .insert(appointments)
    .values({
      id: appointmentId,
      applicationId,
      applicantId: userId,
      slotId,
      seatNo: 1,
      status: 'confirmed',
      confirmedAt: new Date(Date.now() - 5 * 86_400_000),
    })
    .onConflictDoNothing()
    .returning({ id: appointments.id })
  if (booked.length === 0) return
  await tx
    .insert(slotSeats)
    .values({ slotId, seatNo: 1, state: 'confirmed', appointmentId })
    .onConflictDoNothing()
}
