import {
  boolean,
  pgEnum,
  date,
  integer,
  pgTable,
  smallint,
  text,
  time,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { EXTENSION_ROUTES } from '../../lib/domain/permits/extension-route'

export const provinces = pgTable('provinces', {
  // The plate code, which is also the ISO 3166-2:TR code.
  code: smallint('code').primaryKey(),
  name: text('name').notNull().unique(),
})

export const extensionRoute = pgEnum('extension_route', EXTENSION_ROUTES)

export const directorates = pgTable('directorates', {
  id: uuid('id').primaryKey(),
  provinceCode: smallint('province_code')
    .notNull()
    .unique()
    .references(() => provinces.code),
  name: text('name').notNull(),
  email: text('email').notNull(),
  // İstanbul and Ankara assign appointment dates instead of letting applicants choose.
  assignsAppointments: boolean('assigns_appointments').notNull().default(false),
  // Four-eyes: a refusal (and, if set, a long-term approval) waits for a supervisor.
  fourEyesRefusals: boolean('four_eyes_refusals').notNull().default(true),
  fourEyesLongTerm: boolean('four_eyes_long_term').notNull().default(false),
  // Long-term decisions may take 180 days instead of 90 here (domain.md §4: İstanbul, Antalya).
  longTermDecisionDays: integer('long_term_decision_days').notNull().default(90),
  // How an extension's documents reach this directorate (domain.md §4): a visit, by post
  // within 5 working days, or by post unless personal data changed (İstanbul).
  extensionRoute: extensionRoute('extension_route').notNull().default('appointment'),
})

export const offices = pgTable('offices', {
  id: uuid('id').primaryKey(),
  directorateId: uuid('directorate_id')
    .notNull()
    .references(() => directorates.id),
  name: text('name').notNull(),
  address: text('address').notNull(),
  slotMinutes: integer('slot_minutes').notNull().default(15),
  // Slots exist up to this day; generating more takes this row's lock, so two runs never
  // create the same slots twice.
  slotsGeneratedUntil: date('slots_generated_until'),
})

export const counters = pgTable(
  'counters',
  {
    id: uuid('id').primaryKey(),
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    label: text('label').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [unique('counters_office_label').on(t.officeId, t.label)],
)

export const openingHours = pgTable(
  'opening_hours',
  {
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    // ISO weekday: 1 = Monday … 7 = Sunday.
    weekday: smallint('weekday').notNull(),
    opensAt: time('opens_at').notNull(),
    closesAt: time('closes_at').notNull(),
  },
  (t) => [unique('opening_hours_office_day_opens').on(t.officeId, t.weekday, t.opensAt)],
)
