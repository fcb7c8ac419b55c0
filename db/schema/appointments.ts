import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import {
  APPOINTMENT_STATUSES,
  CANCELLING_PARTIES,
  SEAT_STATES,
} from '../../lib/domain/appointments/appointment-status'
import { users } from './auth'
import { applications } from './applications'
import { counters, directorates, offices } from './directorates'

export const appointmentStatus = pgEnum('appointment_status', APPOINTMENT_STATUSES)
export const seatState = pgEnum('seat_state', SEAT_STATES)
export const cancelledBy = pgEnum('cancelling_party', CANCELLING_PARTIES)

// Days every office is closed, per year; the religious holidays move, so admins edit this.
// A half day (the eve of a religious holiday) closes at 12:30.
export const publicHolidays = pgTable('public_holidays', {
  date: date('date').primaryKey(),
  name: text('name').notNull(),
  halfDay: boolean('half_day').notNull().default(false),
})

// A directorate closes one office, or one counter, for a day (emergency, training …).
export const officeClosures = pgTable(
  'office_closures',
  {
    id: uuid('id').primaryKey(),
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    counterId: uuid('counter_id').references(() => counters.id),
    date: date('date').notNull(),
    reason: text('reason').notNull(),
    createdBy: text('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('office_closures_office_date_idx').on(t.officeId, t.date)],
)

export const appointmentSlots = pgTable(
  'appointment_slots',
  {
    id: uuid('id').primaryKey(),
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    directorateId: uuid('directorate_id')
      .notNull()
      .references(() => directorates.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    // The number of seat rows; kept here so the invariant can be checked against it.
    capacity: smallint('capacity').notNull(),
    closed: boolean('closed').notNull().default(false),
    // Set while the slot is held back for a release draw: not bookable first come, first served.
    releaseWindowId: uuid('release_window_id'),
  },
  (t) => [
    uniqueIndex('appointment_slots_office_start').on(t.officeId, t.startsAt),
    index('appointment_slots_directorate_start_idx').on(t.directorateId, t.startsAt),
    check('appointment_slots_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('appointment_slots_capacity_range', sql`${t.capacity} between 0 and 500`),
  ],
)

// One row per place in a slot (security.md §5.1 option A): a booking claims a free row with
// FOR UPDATE SKIP LOCKED, so capacity is structural and no two bookings share a row.
export const slotSeats = pgTable(
  'slot_seats',
  {
    slotId: uuid('slot_id')
      .notNull()
      .references(() => appointmentSlots.id),
    seatNo: smallint('seat_no').notNull(),
    state: seatState('state').notNull().default('free'),
    appointmentId: uuid('appointment_id'),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    // While offered to someone on the waitlist: whose exclusive turn it is (until holdExpiresAt).
    offeredTo: uuid('offered_to'),
    // A cancelled place waits a few minutes before anyone can take it (quarantine).
    availableFrom: timestamp('available_from', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.slotId, t.seatNo] }),
    check(
      'slot_seats_free_has_no_appointment',
      sql`(${t.state} in ('free', 'offered')) = (${t.appointmentId} is null)`,
    ),
    check(
      'slot_seats_hold_has_expiry',
      sql`${t.state} not in ('held', 'offered') or ${t.holdExpiresAt} is not null`,
    ),
    index('slot_seats_appointment_idx').on(t.appointmentId),
  ],
)

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    applicantId: text('applicant_id')
      .notNull()
      .references(() => users.id),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => appointmentSlots.id),
    seatNo: smallint('seat_no').notNull(),
    status: appointmentStatus('status').notNull(),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    // The appointment this one replaced, and how many moves the chain has had.
    replacesId: uuid('replaces_id'),
    rescheduleCount: smallint('reschedule_count').notNull().default(0),
    // Cancelled too close to the time: counts like a no-show towards a booking restriction.
    lateCancellation: boolean('late_cancellation').notNull().default(false),
    // Who cancelled: an applicant's cancellation counts as a strike, the directorate's not.
    cancelledBy: cancelledBy('cancelled_by'),
    counterId: uuid('counter_id').references(() => counters.id),
    checkedInBy: text('checked_in_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // At most one active appointment per application, whatever the code path (BL-04).
    uniqueIndex('appointments_one_active_per_application')
      .on(t.applicationId)
      .where(sql`${t.status} in ('held', 'confirmed')`),
    index('appointments_applicant_idx').on(t.applicantId, t.createdAt),
    index('appointments_slot_idx').on(t.slotId),
  ],
)

// Which reminder went out for which appointment: the primary key makes each one go out once,
// however many workers run.
export const appointmentReminders = pgTable(
  'appointment_reminders',
  {
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id),
    kind: text('kind').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.appointmentId, t.kind] })],
)

export const waitlistStatus = pgEnum('waitlist_status', [
  'waiting',
  'offered',
  'accepted',
  'cancelled',
])

// Applicants with an appointment who would take an earlier one. Freed places are offered in
// order of legal deadline, each with a short exclusive hold (slot_seats.offered_to).
export const appointmentWaitlist = pgTable(
  'appointment_waitlist',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id),
    applicantId: text('applicant_id')
      .notNull()
      .references(() => users.id),
    directorateId: uuid('directorate_id')
      .notNull()
      .references(() => directorates.id),
    status: waitlistStatus('status').notNull().default('waiting'),
    offeredSlotId: uuid('offered_slot_id'),
    offeredSeatNo: smallint('offered_seat_no'),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    offersDeclined: smallint('offers_declined').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('appointment_waitlist_directorate_idx').on(t.directorateId, t.status)],
)

export const assignmentStatus = pgEnum('assignment_status', ['waiting', 'assigned', 'cancelled'])

// Directorates that assign dates (İstanbul, Ankara): the applicant states when they can come,
// and the system gives the earliest suitable place, most urgent legal deadline first.
export const appointmentRequests = pgTable(
  'appointment_requests',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id),
    applicantId: text('applicant_id')
      .notNull()
      .references(() => users.id),
    directorateId: uuid('directorate_id')
      .notNull()
      .references(() => directorates.id),
    earliestDate: date('earliest_date').notNull(),
    // ISO weekdays the applicant can come (1 = Monday … 5 = Friday).
    weekdays: smallint('weekdays').array().notNull(),
    partOfDay: text('part_of_day').notNull().default('any'),
    status: assignmentStatus('status').notNull().default('waiting'),
    appointmentId: uuid('appointment_id').references(() => appointments.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('appointment_requests_directorate_idx').on(t.directorateId, t.status)],
)

// A scarce office releases a block of slots by draw: applicants state preferences while the
// window is open, then a draw weighted by legal urgency allocates them, so speed wins nothing.
export const releaseWindows = pgTable('release_windows', {
  id: uuid('id').primaryKey(),
  officeId: uuid('office_id')
    .notNull()
    .references(() => offices.id),
  opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
  closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
  drawnAt: timestamp('drawn_at', { withTimezone: true }),
  // The seed of the draw, published afterwards so anyone can re-run it.
  seed: text('seed'),
  createdBy: text('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const drawEntries = pgTable(
  'draw_entries',
  {
    windowId: uuid('window_id')
      .notNull()
      .references(() => releaseWindows.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    applicantId: text('applicant_id')
      .notNull()
      .references(() => users.id),
    // Slot ids in the applicant's order of preference.
    preferences: uuid('preferences').array().notNull(),
    appointmentId: uuid('appointment_id').references(() => appointments.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.windowId, t.applicationId] })],
)
