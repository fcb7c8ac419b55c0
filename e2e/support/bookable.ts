import { randomUUID } from 'node:crypto'
import postgres from 'postgres'
import { e2eDatabaseUrl } from './database-url'

let sql: postgres.Sql | undefined
const db = () => (sql ??= postgres(e2eDatabaseUrl(), { max: 2, onnotice: () => {} }))

/**
 * A new applicant whose application waits for an appointment, written straight to the e2e
 * database: the journey up to submission has its own tests. `storedLocale` is the language
 * kept with the account (set when an application is submitted).
 */
export async function createBookableApplicant(provinceCode: number, storedLocale?: string) {
  const userId = randomUUID()
  const applicationId = randomUUID()
  const email = `booker.${userId.slice(0, 8)}@example.org`
  const [directorate] = await db()<{ id: string }[]>`
    select id from directorates where province_code = ${provinceCode}`
  await db()`insert into users (id, email, preferred_locale)
             values (${userId}, ${email}, ${storedLocale ?? null})`
  await db()`insert into applications (id, reference, applicant_id, kind, permit_type_code,
               purpose_code, status, province_code, directorate_id, requested_months, submitted_at)
             values (${applicationId}, ${`E${applicationId.slice(0, 8).toUpperCase()}`}, ${userId},
               'first', 'short_term', 'tourism', 'awaiting_appointment', ${provinceCode},
               ${directorate!.id}, 12, now())`
  return { email, applicationId }
}

/** The appointment e-mails sent to an address, oldest first. */
export async function appointmentMails(email: string) {
  return db()<{ template: string; subject: string; attachments: { content: string }[] }[]>`
    select template, subject, attachments from outbox_messages
     where recipient = ${email} and template like 'appointment-%' order by created_at`
}
