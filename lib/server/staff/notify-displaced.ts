import 'server-only'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { queryRows } from '@/db/client'
import { applications, appointments, appointmentSlots, offices, users } from '@/db/schema'
import { isLocale } from '@/lib/domain/locales'
import { formatDateTime } from '@/lib/i18n/format-date'
import { portalUrl } from '../env'
import type { Tx } from '../idempotency'
import { cancelledByDirectorateMail } from '../mail/templates/appointment-mails'
import { enqueueMail } from '../outbox/enqueue-mail'

const ALTERNATIVES = 3

/**
 * Tells each person whose appointment the directorate cancelled, in their language, and
 * offers the earliest free times first so they can book again at once.
 */
export async function notifyDisplaced(
  tx: Tx,
  appointmentIds: string[],
  directorateId: string,
): Promise<void> {
  if (appointmentIds.length === 0) return
  const people = await tx
    .select({
      applicationId: appointments.applicationId,
      email: users.email,
      locale: users.preferredLocale,
      reference: applications.reference,
      startsAt: appointmentSlots.startsAt,
      office: offices.name,
    })
    .from(appointments)
    .innerJoin(applications, eq(applications.id, appointments.applicationId))
    .innerJoin(users, eq(users.id, applications.applicantId))
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
    .innerJoin(offices, eq(offices.id, appointmentSlots.officeId))
    .where(and(inArray(appointments.id, appointmentIds)))
  const earliest = await queryRows<{ starts_at: Date | string; office: string }>(
    tx,
    sql`select s.starts_at, o.name as office from appointment_slots s
          join offices o on o.id = s.office_id
         where s.directorate_id = ${directorateId} and not s.closed
           and s.release_window_id is null and s.starts_at > now()
           and exists (select 1 from slot_seats x where x.slot_id = s.id
                        and x.state = 'free' and x.available_from <= now())
         order by s.starts_at limit ${ALTERNATIVES}`,
  )
  for (const person of people) {
    if (!person.email) continue
    const locale = person.locale && isLocale(person.locale) ? person.locale : 'tr'
    await enqueueMail(tx, {
      recipient: person.email,
      applicationId: person.applicationId,
      ...cancelledByDirectorateMail(locale, {
        reference: person.reference,
        time: formatDateTime(person.startsAt.toISOString(), locale),
        office: person.office,
        alternatives: earliest.map(
          (e) => `${formatDateTime(new Date(e.starts_at).toISOString(), locale)}, ${e.office}`,
        ),
        link: portalUrl(`/${locale}/applications/${person.applicationId}/appointment/choose`),
      }),
    })
  }
}
