import 'server-only'
import { and, eq, gt, lte, sql } from 'drizzle-orm'
import type { Db } from '@/db'
import {
  applications,
  appointmentReminders,
  appointments,
  appointmentSlots,
  users,
} from '@/db/schema'
import { dueReminder, type ReminderKind } from '@/lib/domain/appointments/reminders'
import { isLocale } from '@/lib/domain/locales'
import { queueAppointmentReminderSms } from '../sms/appointment-reminder-sms'
import { sendAppointmentMail } from './appointment-mail'
import { readAppointment } from './appointment-view'

/**
 * Queues the reminders that are due, in each applicant's language. The reminder row, its
 * e-mail and its SMS (to a mobile number, when SMS is configured) commit together, and the row's key lets each reminder go out once.
 */
export async function sendDueReminders(db: Db, now = new Date()): Promise<number> {
  const soon = new Date(now.getTime() + 72 * 3_600_000)
  const candidates = await db
    .select({
      id: appointments.id,
      applicationId: appointments.applicationId,
      startsAt: appointmentSlots.startsAt,
      confirmedAt: appointments.confirmedAt,
      locale: users.preferredLocale,
      sent: sql<ReminderKind[]>`coalesce((select json_agg(r.kind) from ${appointmentReminders} r
                                where r.appointment_id = ${appointments.id}), '[]'::json)`,
    })
    .from(appointments)
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
    .innerJoin(applications, eq(applications.id, appointments.applicationId))
    .innerJoin(users, eq(users.id, applications.applicantId))
    .where(
      and(
        eq(appointments.status, 'confirmed'),
        gt(appointmentSlots.startsAt, now),
        lte(appointmentSlots.startsAt, soon),
      ),
    )
  let queued = 0
  for (const c of candidates) {
    const kind = dueReminder({
      startsAt: c.startsAt,
      confirmedAt: c.confirmedAt ?? now,
      now,
      sent: c.sent ?? [],
    })
    if (!kind) continue
    const locale = c.locale && isLocale(c.locale) ? c.locale : 'tr'
    await db.transaction(async (tx) => {
      const claimed = await tx
        .insert(appointmentReminders)
        .values({ appointmentId: c.id, kind })
        .onConflictDoNothing()
        .returning({ id: appointmentReminders.appointmentId })
      if (claimed.length === 0) return
      const appointment = await readAppointment(tx, { id: c.id })
      if (appointment?.status !== 'confirmed') return
      await sendAppointmentMail(
        tx,
        { applicationId: c.applicationId, locale },
        'reminder',
        appointment,
      )
      await queueAppointmentReminderSms(tx, c.applicationId, appointment)
      queued++
    })
  }
  return queued
}
