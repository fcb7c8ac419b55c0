import 'server-only'
import { sql } from 'drizzle-orm'
import type { Tx } from '../client'
import {
  applicationEvents,
  applications,
  decisionProposals,
  documentRequests,
  residencePermits,
  users,
} from '../schema'
import type { ApplicationKind, ApplicationStatus } from '../../lib/domain/application-status'
import { ANKARA, ISTANBUL, IZMIR } from './provinces'
import { stableAccrualReference, stableReference, stableUuid } from './stable-id'
import { storedAnswers } from '../../lib/server/crypto/identity-numbers'

// A directorate's day of work for the demo staff: cases in every state of casework, in
// İstanbul, Ankara and İzmir, each a different applicant. Written straight in their state
// (with the rows the state implies: a request, a proposal, a permit), deterministic and
// idempotent like the rest of the seed.

type DemoCase = {
  label: string
  province: number
  status: ApplicationStatus
  kind?: ApplicationKind
  type?: string
  purpose?: string | null
  person: [given: string, surname: string, nationality: string, birth: string, locale: string]
  daysAgo: number
  proposal?: 'refuse'
}

const CASES: readonly DemoCase[] = [
  {
    label: 'ist-docs',
    province: ISTANBUL,
    status: 'documents_submitted',
    kind: 'extension',
    person: ['Yusuf', 'Karimov', 'UZ', '1991-02-14', 'ru'],
    daysAgo: 3,
  },
  {
    label: 'ist-review',
    province: ISTANBUL,
    status: 'under_review',
    person: ['Layla', 'Nasser', 'SY', '1994-07-30', 'ar'],
    daysAgo: 12,
  },
  {
    label: 'ist-review-late',
    province: ISTANBUL,
    status: 'under_review',
    person: ['Dmitri', 'Volkov', 'RU', '1979-12-01', 'ru'],
    daysAgo: 95,
  },
  {
    label: 'ist-review-2',
    province: ISTANBUL,
    status: 'under_review',
    type: 'student',
    purpose: null,
    person: ['Amina', 'Bello', 'NG', '2001-04-22', 'en'],
    daysAgo: 8,
  },
  {
    label: 'ist-missing',
    province: ISTANBUL,
    status: 'missing_documents',
    person: ['Reza', 'Tehrani', 'IR', '1988-09-09', 'fa'],
    daysAgo: 30,
  },
  {
    label: 'ist-proposal',
    province: ISTANBUL,
    status: 'under_review',
    person: ['Olga', 'Sokolova', 'UA', '1983-03-17', 'ru'],
    daysAgo: 40,
    proposal: 'refuse',
  },
  {
    label: 'ist-approved',
    province: ISTANBUL,
    status: 'approved',
    person: ['Farid', 'Haidari', 'AF', '1990-10-05', 'fa'],
    daysAgo: 50,
  },
  {
    label: 'ist-printing',
    province: ISTANBUL,
    status: 'card_printing',
    person: ['Hana', 'Suzuki', 'JP', '1996-01-28', 'en'],
    daysAgo: 60,
  },
  {
    label: 'ist-post',
    province: ISTANBUL,
    status: 'handed_to_post',
    person: ['Karim', 'Mansour', 'EG', '1975-06-11', 'ar'],
    daysAgo: 70,
  },
  {
    label: 'ist-returned',
    province: ISTANBUL,
    status: 'returned_to_directorate',
    person: ['Aziz', 'Rahimov', 'AZ', '1986-08-19', 'tr'],
    daysAgo: 80,
  },
  {
    label: 'ank-review',
    province: ANKARA,
    status: 'under_review',
    person: ['Marta', 'Nowak', 'PL', '1992-05-03', 'en'],
    daysAgo: 15,
  },
  {
    label: 'ank-docs',
    province: ANKARA,
    status: 'documents_submitted',
    kind: 'extension',
    person: ['Ali', 'Hassan', 'IQ', '1989-11-23', 'ar'],
    daysAgo: 2,
  },
  {
    label: 'izm-review',
    province: IZMIR,
    status: 'under_review',
    person: ['Peter', 'Schmidt', 'DE', '1970-02-02', 'en'],
    daysAgo: 20,
  },
]

const AFTER_RECEIPT = new Set<ApplicationStatus>([
  'under_review',
  'missing_documents',
  'approved',
  'card_printing',
  'handed_to_post',
  'returned_to_directorate',
])
const AFTER_APPROVAL = new Set<ApplicationStatus>([
  'approved',
  'card_printing',
  'handed_to_post',
  'returned_to_directorate',
])

function day(offset: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date())
  return new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10)
}

function answers(c: DemoCase) {
  const [givenNames, surname, nationality, dateOfBirth] = c.person
  return {
    personal: {
      givenNames,
      surname,
      dateOfBirth,
      nationality,
      fatherName: 'Omar',
      motherName: 'Sara',
      phone: '+905321234567',
    },
    passport: {
      passportNumber: `P${stableUuid(c.label).slice(0, 7).toUpperCase()}`,
      passportValidUntil: day(1400),
      entryDate: day(-200),
    },
    permit: {
      ...(c.purpose === null ? {} : { purpose: c.purpose ?? 'tourism' }),
      requestedMonths: 12,
    },
    address: {
      provinceCode: c.province,
      district: 'Merkez',
      neighbourhood: 'Cumhuriyet',
      street: 'Atatürk Cad. 1/2',
    },
    insurance: {
      insuranceType: 'private',
      provider: 'Demo Sigorta',
      policyNumber: 'D-1',
      validUntil: day(400),
    },
  }
}

export async function seedDemoCases(tx: Tx, directorateId: (province: number) => string) {
  for (const c of CASES) {
    const userId = stableUuid(`user:case.${c.label}@example.org`)
    const appId = stableUuid(`application:case:${c.label}`)
    await tx
      .insert(users)
      .values({
        id: userId,
        email: `case.${c.label}@example.org`,
        name: `${c.person[0]} ${c.person[1]}`,
        preferredLocale: c.person[4],
      })
      .onConflictDoNothing()
    const received = AFTER_RECEIPT.has(c.status)
    const inserted = await tx
      .insert(applications)
      .values({
        id: appId,
        reference: stableReference(`case:${c.label}`),
        applicantId: userId,
        kind: c.kind ?? 'first',
        permitTypeCode: c.type ?? 'short_term',
        purposeCode: c.purpose === undefined ? 'tourism' : c.purpose,
        status: c.status,
        provinceCode: c.province,
        directorateId: directorateId(c.province),
        requestedMonths: 12,
        // The demo card fee (DEMO_FEE_TARIFF) and the rest as the permit fee.
        cardFeeKurus: 96_400,
        permitFeeKurus: 253_600,
        feeTotalKurus: 350_000,
        accrualReference: stableAccrualReference(`case:${c.label}`),
        ...storedAnswers(answers(c)),
        submittedAt: sql`now() - make_interval(days => ${c.daysAgo})`,
        ...(received
          ? {
              feesPaidAt: sql`now() - make_interval(days => ${c.daysAgo - 1})`,
              documentsReceivedAt: sql`now() - make_interval(days => ${c.daysAgo - 1})`,
              decisionDueOn: day(91 - c.daysAgo),
            }
          : {}),
        ...(AFTER_APPROVAL.has(c.status) ? { decidedAt: sql`now() - interval '5 days'` } : {}),
      })
      .onConflictDoNothing()
      .returning({ id: applications.id })
    if (inserted.length === 0) continue
    await tx
      .insert(applicationEvents)
      .values({ applicationId: appId, fromStatus: null, toStatus: c.status, actorUserId: userId })
    if (c.status === 'missing_documents')
      await tx.insert(documentRequests).values({
        id: stableUuid(`request:${c.label}`),
        applicationId: appId,
        items: ['criminal_record', 'proof_of_address'],
        message: 'Please send a newer rental contract.',
        dueAt: sql`now() + interval '12 days'`,
        requestedBy: stableUuid('user:caseworker.istanbul@example.org'),
      })
    if (c.proposal)
      await tx.insert(decisionProposals).values({
        id: stableUuid(`proposal:${c.label}`),
        applicationId: appId,
        kind: 'refuse',
        payload: {
          legalBasis: 'art33_short_term_refusal',
          reason: 'The tourism purpose is not shown: no itinerary and no accommodation.',
        },
        proposedBy: stableUuid('user:caseworker.istanbul@example.org'),
        applicationVersion: 1,
      })
    if (AFTER_APPROVAL.has(c.status))
      await tx
        .insert(residencePermits)
        .values({
          id: stableUuid(`permit:case:${c.label}`),
          holderId: userId,
          permitTypeCode: c.type ?? 'short_term',
          purposeCode: c.purpose === undefined ? 'tourism' : c.purpose,
          documentNumber: `DEMO-CASE-${c.label.toUpperCase()}`,
          validFrom: day(-5),
          validUntil: day(359),
          applicationId: appId,
          holderBirthDate: c.person[3],
          cardSerial:
            c.status === 'approved' ? null : `A${stableUuid(c.label).slice(0, 8).toUpperCase()}`,
          postTrackingNumber: ['handed_to_post', 'returned_to_directorate'].includes(c.status)
            ? `RR${stableUuid(c.label).replace(/\D/g, '').slice(0, 9).padEnd(9, '0')}TR`
            : null,
        })
        .onConflictDoNothing()
  }
}
