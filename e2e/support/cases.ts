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

const ACCRUAL_ALPHABET = '23456789ACDEFGHJKLMNPQRTUVWXY'

/** An accrual reference in the portal's format (lib/domain/fee-payments.ts), check character included. */
function accrualReference(): string {
  const values = Array.from({ length: 9 }, () => Math.floor(Math.random() * 29))
  const check = values.reduce((sum, v, i) => sum + (i + 1) * v, 0) % 29
  const raw = [...values, check].map((v) => ACCRUAL_ALPHABET[v]).join('')
  return `TH-${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`
}

/**
 * A new applicant's first application, sent and waiting for its appointment at a province's
 * directorate, fees computed and not paid yet (issue 18).
 */
export async function createUnpaidCase(provinceCode: number, locale = 'en') {
  const db = e2eDb()
  const userId = randomUUID()
  const id = randomUUID()
  const email = `fees.${userId.slice(0, 8)}@example.org`
  const reference = accrualReference()
  const [directorate] = await db<{ id: string }[]>`
    select id from directorates where province_code = ${provinceCode}`
  await db`insert into users (id, email, preferred_locale) values (${userId}, ${email}, ${locale})`
  await db`insert into applications (id, reference, applicant_id, kind, permit_type_code,
             purpose_code, status, province_code, directorate_id, requested_months, submitted_at,
             form_data, card_fee_kurus, permit_fee_kurus, fee_total_kurus, accrual_reference)
           values (${id}, ${`F${id.slice(0, 8).toUpperCase()}`}, ${userId}, 'first', 'short_term',
             'tourism', 'awaiting_appointment', ${provinceCode}, ${directorate!.id}, 12,
             now() - interval '1 day', ${db.json({})}, 96400, 253600, 350000, ${reference})`
  await db`insert into application_events (application_id, from_status, to_status, actor_user_id)
           values (${id}, null, 'submitted', ${userId}),
                  (${id}, 'submitted', 'awaiting_appointment', null)`
  return { id, email, reference }
}
