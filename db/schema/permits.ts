import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './auth'

// Durations and flags are data, not code: the law changes (the family permit went from two
// to three years) and the national admin must be able to follow it.
export const permitTypes = pgTable('permit_types', {
  code: text('code').primaryKey(),
  lawArticles: text('law_articles').notNull(),
  regulationArticles: text('regulation_articles'),
  // null: no fixed cap (long-term is indefinite, student follows the programme).
  maxMonthsPerGrant: integer('max_months_per_grant'),
  selfService: boolean('self_service').notNull(),
  // Trafficking victims (Law 6458 art. 48–49): a first grant in days, and a cap on all grants.
  firstGrantDays: integer('first_grant_days'),
  maxTotalMonths: integer('max_total_months'),
  // Doubtful values from the brief (the family cap: 2 or 3 years) are marked, with where the
  // value came from, so admins know to confirm them.
  needsLegalReview: boolean('needs_legal_review').notNull().default(false),
  legalReviewSource: text('legal_review_source'),
  // No permit fee for this category, whatever the nationality; the card fee is still due
  // (domain.md §8; which categories is data the national admin confirms).
  permitFeeExempt: boolean('permit_fee_exempt').notNull().default(false),
  sortOrder: smallint('sort_order').notNull(),
})

export const shortTermPurposes = pgTable('short_term_purposes', {
  code: text('code').primaryKey(),
  // The sub-paragraph of Law 6458 art. 31(1), in the Turkish alphabet (a, b, c, ç, d …).
  lawLetter: text('law_letter').notNull().unique(),
  maxMonthsPerGrant: integer('max_months_per_grant'),
  // (h) Turkish course at most twice, (i) recent graduate once (art. 31(1)); null: no limit.
  maxGrants: integer('max_grants'),
  // (i) Apply within this many months of graduating.
  graduationWindowMonths: integer('graduation_window_months'),
  // Doubtful values from the brief are marked so admins know to confirm them.
  needsLegalReview: boolean('needs_legal_review').notNull().default(false),
  legalReviewSource: text('legal_review_source'),
  sortOrder: smallint('sort_order').notNull(),
})

// Permits a person already holds; extensions and transitions are pre-filled from here.
export const residencePermits = pgTable(
  'residence_permits',
  {
    id: uuid('id').primaryKey(),
    // Null until the holder claims a permit issued before they had an account (issue 10).
    holderId: text('holder_id').references(() => users.id),
    permitTypeCode: text('permit_type_code')
      .notNull()
      .references(() => permitTypes.code),
    purposeCode: text('purpose_code').references(() => shortTermPurposes.code),
    documentNumber: text('document_number').notNull().unique(),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until').notNull(),
    // The application that granted it (null for permits from before the portal).
    applicationId: uuid('application_id').unique(),
    // What a holder proves a claim with: the card's serial, their foreigner number, birth date.
    cardSerial: text('card_serial').unique(),
    postTrackingNumber: text('post_tracking_number'),
    // Clear numbers from before issue 15 only; `npm run db:seal-identity-numbers` moves them to
    // the sealed column and empties this one. Nothing writes it any more.
    holderForeignerId: text('holder_foreigner_id'),
    holderForeignerIdSealed: text('holder_foreigner_id_sealed'),
    holderForeignerIdHash: text('holder_foreigner_id_hash'),
    holderBirthDate: date('holder_birth_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('residence_permits_holder_foreigner_id_hash_idx').on(t.holderForeignerIdHash)],
)
