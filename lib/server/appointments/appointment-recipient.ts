import 'server-only'
import { eq } from 'drizzle-orm'
import { applications, directorates, users } from '@/db/schema'
import { isLocale, type Locale } from '@/lib/domain/locales'
import { mailFrom } from '../env'
import type { Tx } from '../idempotency'
import type { CalendarOrganizer } from './calendar-file'

export type AppointmentRecipient = {
  email: string | null
  reference: string
  locale: Locale
  organizer: CalendarOrganizer
}

/** The portal's own sender, for an application that has no directorate yet. */
function portalOrganizer(): CalendarOrganizer {
  const from = mailFrom()
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from)
  return match ? { name: match[1] || match[2]!, email: match[2]! } : { name: from, email: from }
}

/**
 * Who hears about an application's appointment, and in which language: the one the applicant
 * chose (stored with their account), else `fallback`. The directorate is the organizer of the
 * calendar entry.
 */
export async function readAppointmentRecipient(
  db: Pick<Tx, 'select'>,
  applicationId: string,
  fallback: Locale,
): Promise<AppointmentRecipient | null> {
  const [row] = await db
    .select({
      email: users.email,
      stored: users.preferredLocale,
      reference: applications.reference,
      directorate: directorates.name,
      directorateEmail: directorates.email,
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.applicantId))
    .leftJoin(directorates, eq(directorates.id, applications.directorateId))
    .where(eq(applications.id, applicationId))
  if (!row) return null
  return {
    email: row.email,
    reference: row.reference,
    locale: isLocale(row.stored) ? row.stored : fallback,
    organizer:
      row.directorate && row.directorateEmail
        ? { name: row.directorate, email: row.directorateEmail }
        : portalOrganizer(),
  }
}
