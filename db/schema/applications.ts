import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  primaryKey,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { APPLICATION_KINDS, APPLICATION_STATUSES } from '../../lib/domain/application-status'
import { users } from './auth'
import { directorates, provinces } from './directorates'
import { permitTypes, residencePermits, shortTermPurposes } from './permits'

export const applicationKind = pgEnum('application_kind', APPLICATION_KINDS)
export const applicationStatus = pgEnum('application_status', APPLICATION_STATUSES)

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey(),
    reference: text('reference').notNull().unique(),
    // Null for a walk-in registered by staff until the person claims it from an account.
    applicantId: text('applicant_id').references(() => users.id),
    // The staff member who registered a walk-in applicant at the counter (issue 13).
    registeredByUserId: text('registered_by_user_id').references(() => users.id),
    // Humanitarian and trafficking-victim cases: seen only by the staff named in
    // restricted_case_staff and by national admins (lib/server/scope.ts).
    restricted: boolean('restricted').notNull().default(false),
    kind: applicationKind('kind').notNull(),
    permitTypeCode: text('permit_type_code')
      .notNull()
      .references(() => permitTypes.code),
    purposeCode: text('purpose_code').references(() => shortTermPurposes.code),
    basedOnPermitId: uuid('based_on_permit_id').references(() => residencePermits.id),
    status: applicationStatus('status').notNull().default('draft'),
    provinceCode: smallint('province_code').references(() => provinces.code),
    directorateId: uuid('directorate_id').references(() => directorates.id),
    // The answers, without the two identity numbers (SECURITY.md PD-02): those are sealed in
    // the columns below, each beside a keyed hash that lookups compare (PD-03).
    formData: jsonb('form_data').$type<Record<string, unknown>>().notNull().default({}),
    passportNumberSealed: text('passport_number_sealed'),
    passportNumberHash: text('passport_number_hash'),
    // The call centre checks the last four characters of the passport (ARCHITECTURE.md).
    passportTailHash: text('passport_tail_hash'),
    foreignerIdSealed: text('foreigner_id_sealed'),
    foreignerIdHash: text('foreigner_id_hash'),
    requestedMonths: integer('requested_months'),
    // The two fees are paid under different codes (card 9207, permit 9233; domain.md §8), so
    // they are kept apart; the total stays for lists and the API.
    cardFeeKurus: integer('card_fee_kurus'),
    permitFeeKurus: integer('permit_fee_kurus'),
    feeTotalKurus: integer('fee_total_kurus'),
    // The accrual reference (tahakkuk no.) the person quotes to pay, given when the application
    // is sent (lib/domain/fee-payments.ts); null for a draft.
    accrualReference: text('accrual_reference').unique(),
    // An extension whose documents go by post: the last day to post them (domain.md §4).
    documentsDueOn: date('documents_due_on'),
    version: integer('version').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    // Casework: who holds the file, and the clock the law runs from a complete file (art. 21).
    assignedToUserId: text('assigned_to_user_id').references(() => users.id),
    feesPaidAt: timestamp('fees_paid_at', { withTimezone: true }),
    documentsReceivedAt: timestamp('documents_received_at', { withTimezone: true }),
    decisionDueOn: date('decision_due_on'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('applications_applicant_idx').on(t.applicantId),
    index('applications_directorate_status_idx').on(t.directorateId, t.status),
    // The work queue pages by (submitted_at, id) and by (decision_due_on, id) per directorate.
    index('applications_queue_submitted_idx').on(t.directorateId, t.submittedAt, t.id),
    index('applications_queue_due_idx').on(t.directorateId, t.decisionDueOn, t.id),
    // Finding a person's applications by a document number (duplicates, lookups by number).
    index('applications_passport_number_hash_idx').on(t.passportNumberHash),
    index('applications_foreigner_id_hash_idx').on(t.foreignerIdHash),
    // An application without an account is one staff registered for a walk-in applicant.
    check(
      'applications_applicant_or_registrar',
      sql`${t.applicantId} is not null or ${t.registeredByUserId} is not null`,
    ),
  ],
)

// Every status change; the applicant's timeline is read from here.
export const applicationEvents = pgTable(
  'application_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    fromStatus: applicationStatus('from_status'),
    toStatus: applicationStatus('to_status').notNull(),
    actorUserId: text('actor_user_id').references(() => users.id),
    reasonCode: text('reason_code'),
    // What the applicant may read about this step (a legal basis, a tracking number); never
    // internal notes, which live in case_notes.
    details: jsonb('details').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.createdAt)],
)

// The staff members who may see a restricted case (besides national admins).
export const restrictedCaseStaff = pgTable(
  'restricted_case_staff',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    addedByUserId: text('added_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.userId] })],
)
