import { randomUUID } from 'node:crypto'
import { getDb } from '@/db'
import {
  applications,
  appointments,
  appointmentSlots,
  counters,
  slotSeats,
  users,
} from '@/db/schema'
import { createTestOffice } from './booking-fixtures'
import { storedAnswers } from '../crypto/identity-numbers'

// Counter tests need confirmed appointments at a known time (today, already started, another
// day), which the booking journey cannot make: it only books future slots. They are written
// straight to the database, in the shape the booking code leaves them.

export type CounterOffice = { officeId: string; directorateId: string; counterIds: string[] }

/** A new office of the province's directorate with `counterCount` counters. */
export async function createCounterOffice(
  provinceCode: number,
  counterCount = 2,
): Promise<CounterOffice> {
  const db = await getDb()
  const { officeId, directorateId } = await createTestOffice(
    provinceCode,
    'Counter test office',
    'Test street 2',
  )
  const counterIds = Array.from({ length: counterCount }, () => randomUUID())
  await db
    .insert(counters)
    .values(counterIds.map((id, i) => ({ id, officeId, label: String(i + 1) })))
  return { officeId, directorateId, counterIds }
}

export type ConfirmedAppointment = {
  appointmentId: string
  applicationId: string
  userId: string
  slotId: string
  reference: string
}

/**
 * An applicant whose application waits for an appointment, with a confirmed appointment at
 * `startsAt` in the office. The application's answers carry the identity numbers given.
 */
export async function createConfirmedAppointment(input: {
  office: CounterOffice
  provinceCode: number
  startsAt: Date
  passportNumber: string
  foreignerIdNumber?: string
  userId?: string
  applicationId?: string
}): Promise<ConfirmedAppointment> {
  const db = await getDb()
  const userId = input.userId ?? randomUUID()
  const applicationId = input.applicationId ?? randomUUID()
  const reference = `C${applicationId.slice(0, 8).toUpperCase()}`
  if (!input.userId) {
    await db.insert(users).values({ id: userId, email: `counter.${userId}@example.org` })
  }
  if (!input.applicationId) {
    await db.insert(applications).values({
      id: applicationId,
      reference,
      applicantId: userId,
      kind: 'first',
      permitTypeCode: 'short_term',
      purposeCode: 'tourism',
      status: 'awaiting_appointment',
      provinceCode: input.provinceCode,
      directorateId: input.office.directorateId,
      requestedMonths: 12,
      submittedAt: new Date(),
      ...storedAnswers({
        personal: {
          givenNames: 'Leyla Nur',
          surname: 'Test',
          ...(input.foreignerIdNumber ? { foreignerIdNumber: input.foreignerIdNumber } : {}),
        },
        passport: { passportNumber: input.passportNumber, passportValidUntil: '2030-01-01' },
      }),
    })
  }
  const slotId = randomUUID()
  const appointmentId = randomUUID()
  await db.insert(appointmentSlots).values({
    id: slotId,
    officeId: input.office.officeId,
    directorateId: input.office.directorateId,
    startsAt: input.startsAt,
    endsAt: new Date(input.startsAt.getTime() + 15 * 60_000),
    capacity: 1,
  })
  await db.insert(slotSeats).values({ slotId, seatNo: 1, state: 'confirmed', appointmentId })
  await db.insert(appointments).values({
    id: appointmentId,
    applicationId,
    applicantId: userId,
    slotId,
    seatNo: 1,
    status: 'confirmed',
    confirmedAt: new Date(),
  })
  return { appointmentId, applicationId, userId, slotId, reference }
}
