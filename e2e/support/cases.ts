import { randomUUID } from 'node:crypto'
import { e2eDb } from './e2e-db'
import { storeAnswers } from './sealed-answers'

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

/**
 * A new applicant's complete file under review at a province's directorate, written straight
 * to the e2e database: the journey up to the appointment has its own tests.
 */
export async function createReviewCase(provinceCode: number, locale = 'fa') {
  const db = e2eDb()
  const userId = randomUUID()
  const id = randomUUID()
  const email = `case.${userId.slice(0, 8)}@example.org`
  const [directorate] = await db<{ id: string }[]>`
    select id from directorates where province_code = ${provinceCode}`
  await db`insert into users (id, email, preferred_locale) values (${userId}, ${email}, ${locale})`
  const formData = {
    personal: {
      givenNames: 'Maryam',
      surname: 'Karimi',
      dateOfBirth: '1992-06-15',
      nationality: 'IR',
      fatherName: 'Ali',
      motherName: 'Zahra',
      phone: '+905321234567',
    },
    passport: {
      passportNumber: 'K9876543',
      passportValidUntil: inDays(1200),
      entryDate: inDays(-30),
    },
    permit: { purpose: 'tourism', requestedMonths: 12 },
    address: {
      provinceCode,
      district: 'Konak',
      neighbourhood: 'Alsancak',
      street: 'Kıbrıs Şehitleri Cad. 5',
    },
    insurance: {
      insuranceType: 'private',
      provider: 'X',
      policyNumber: 'P1',
      validUntil: inDays(400),
    },
  }
  await db`insert into applications (id, reference, applicant_id, kind, permit_type_code,
             purpose_code, status, province_code, directorate_id, requested_months, submitted_at,
             form_data, fees_paid_at, documents_received_at, decision_due_on)
           values (${id}, ${`C${id.slice(0, 8).toUpperCase()}`}, ${userId}, 'first', 'short_term',
             'tourism', 'under_review', ${provinceCode}, ${directorate!.id}, 12, now() - interval '3 days',
             ${db.json({})}, now(), now(), ${inDays(88)})`
  await storeAnswers(id, formData)
  await db`insert into application_events (application_id, from_status, to_status, actor_user_id)
           values (${id}, null, 'under_review', ${userId})`
  return { id, email }
}
