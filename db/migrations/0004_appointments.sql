CREATE TYPE "public"."appointment_status" AS ENUM('held', 'confirmed', 'attended', 'no_show', 'cancelled', 'rescheduled', 'expired');--> statement-breakpoint
CREATE TYPE "public"."assignment_status" AS ENUM('waiting', 'assigned', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."seat_state" AS ENUM('free', 'held', 'confirmed', 'offered');--> statement-breakpoint
CREATE TYPE "public"."waitlist_status" AS ENUM('waiting', 'offered', 'accepted', 'cancelled');--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"bucket" text NOT NULL,
	"subject" text NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"window_seconds" integer NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "rate_limit_counters_bucket_subject_pk" PRIMARY KEY("bucket","subject")
);
--> statement-breakpoint
CREATE TABLE "appointment_reminders" (
	"appointment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_reminders_appointment_id_kind_pk" PRIMARY KEY("appointment_id","kind")
);
--> statement-breakpoint
CREATE TABLE "appointment_requests" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"applicant_id" text NOT NULL,
	"directorate_id" uuid NOT NULL,
	"earliest_date" date NOT NULL,
	"weekdays" smallint[] NOT NULL,
	"part_of_day" text DEFAULT 'any' NOT NULL,
	"status" "assignment_status" DEFAULT 'waiting' NOT NULL,
	"appointment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointment_slots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"office_id" uuid NOT NULL,
	"directorate_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" smallint NOT NULL,
	"closed" boolean DEFAULT false NOT NULL,
	"release_window_id" uuid,
	CONSTRAINT "appointment_slots_ends_after_start" CHECK ("appointment_slots"."ends_at" > "appointment_slots"."starts_at"),
	CONSTRAINT "appointment_slots_capacity_range" CHECK ("appointment_slots"."capacity" between 0 and 500)
);
--> statement-breakpoint
CREATE TABLE "appointment_waitlist" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"applicant_id" text NOT NULL,
	"directorate_id" uuid NOT NULL,
	"status" "waitlist_status" DEFAULT 'waiting' NOT NULL,
	"offered_slot_id" uuid,
	"offered_seat_no" smallint,
	"offer_expires_at" timestamp with time zone,
	"offers_declined" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"applicant_id" text NOT NULL,
	"slot_id" uuid NOT NULL,
	"seat_no" smallint NOT NULL,
	"status" "appointment_status" NOT NULL,
	"hold_expires_at" timestamp with time zone,
	"replaces_id" uuid,
	"reschedule_count" smallint DEFAULT 0 NOT NULL,
	"late_cancellation" boolean DEFAULT false NOT NULL,
	"counter_id" uuid,
	"checked_in_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "draw_entries" (
	"window_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"applicant_id" text NOT NULL,
	"preferences" uuid[] NOT NULL,
	"appointment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "draw_entries_window_id_application_id_pk" PRIMARY KEY("window_id","application_id")
);
--> statement-breakpoint
CREATE TABLE "office_closures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"office_id" uuid NOT NULL,
	"counter_id" uuid,
	"date" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_holidays" (
	"date" date PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"half_day" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "release_windows" (
	"id" uuid PRIMARY KEY NOT NULL,
	"office_id" uuid NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"drawn_at" timestamp with time zone,
	"seed" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slot_seats" (
	"slot_id" uuid NOT NULL,
	"seat_no" smallint NOT NULL,
	"state" "seat_state" DEFAULT 'free' NOT NULL,
	"appointment_id" uuid,
	"hold_expires_at" timestamp with time zone,
	"offered_to" uuid,
	"available_from" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slot_seats_slot_id_seat_no_pk" PRIMARY KEY("slot_id","seat_no"),
	CONSTRAINT "slot_seats_free_has_no_appointment" CHECK (("slot_seats"."state" in ('free', 'offered')) = ("slot_seats"."appointment_id" is null)),
	CONSTRAINT "slot_seats_hold_has_expiry" CHECK ("slot_seats"."state" not in ('held', 'offered') or "slot_seats"."hold_expires_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "slots_generated_until" date;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "appointment_reminders" ADD CONSTRAINT "appointment_reminders_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_requests" ADD CONSTRAINT "appointment_requests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_requests" ADD CONSTRAINT "appointment_requests_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_requests" ADD CONSTRAINT "appointment_requests_directorate_id_directorates_id_fk" FOREIGN KEY ("directorate_id") REFERENCES "public"."directorates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_requests" ADD CONSTRAINT "appointment_requests_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_directorate_id_directorates_id_fk" FOREIGN KEY ("directorate_id") REFERENCES "public"."directorates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_waitlist" ADD CONSTRAINT "appointment_waitlist_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_waitlist" ADD CONSTRAINT "appointment_waitlist_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_waitlist" ADD CONSTRAINT "appointment_waitlist_directorate_id_directorates_id_fk" FOREIGN KEY ("directorate_id") REFERENCES "public"."directorates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_slot_id_appointment_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."appointment_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_checked_in_by_users_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draw_entries" ADD CONSTRAINT "draw_entries_window_id_release_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."release_windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draw_entries" ADD CONSTRAINT "draw_entries_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draw_entries" ADD CONSTRAINT "draw_entries_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draw_entries" ADD CONSTRAINT "draw_entries_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_closures" ADD CONSTRAINT "office_closures_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_closures" ADD CONSTRAINT "office_closures_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_closures" ADD CONSTRAINT "office_closures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_windows" ADD CONSTRAINT "release_windows_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_windows" ADD CONSTRAINT "release_windows_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_seats" ADD CONSTRAINT "slot_seats_slot_id_appointment_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."appointment_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_requests_directorate_idx" ON "appointment_requests" USING btree ("directorate_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_slots_office_start" ON "appointment_slots" USING btree ("office_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointment_slots_directorate_start_idx" ON "appointment_slots" USING btree ("directorate_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointment_waitlist_directorate_idx" ON "appointment_waitlist" USING btree ("directorate_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_one_active_per_application" ON "appointments" USING btree ("application_id") WHERE "appointments"."status" in ('held', 'confirmed');--> statement-breakpoint
CREATE INDEX "appointments_applicant_idx" ON "appointments" USING btree ("applicant_id","created_at");--> statement-breakpoint
CREATE INDEX "appointments_slot_idx" ON "appointments" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "office_closures_office_date_idx" ON "office_closures" USING btree ("office_id","date");--> statement-breakpoint
CREATE INDEX "slot_seats_appointment_idx" ON "slot_seats" USING btree ("appointment_id");